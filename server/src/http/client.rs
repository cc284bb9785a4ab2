//! Who is on the other end of a request, for per-client limits.

use std::net::IpAddr;

use axum::http::HeaderMap;
use ipnet::IpNet;

/// The client's address. `X-Forwarded-For` is believed only when the connection comes from a
/// trusted proxy, and then its right-most address that is not itself a trusted proxy counts:
/// anything further left was written by the client and proves nothing.
pub fn client_ip(peer: IpAddr, headers: &HeaderMap, trusted: &[IpNet]) -> IpAddr {
    let is_trusted = |ip: &IpAddr| trusted.iter().any(|net| net.contains(ip));
    if !is_trusted(&peer) {
        return peer;
    }
    let forwarded = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|ip| ip.trim().parse::<IpAddr>().ok())
        .collect::<Vec<_>>();
    forwarded
        .into_iter()
        .rev()
        .find(|ip| !is_trusted(ip))
        .unwrap_or(peer)
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;

    use super::*;

    fn headers(xff: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert("x-forwarded-for", HeaderValue::from_str(xff).unwrap());
        h
    }

    #[test]
    fn forwarded_for_is_ignored_unless_the_peer_is_a_trusted_proxy() {
        let peer: IpAddr = "203.0.113.9".parse().unwrap();
        assert_eq!(client_ip(peer, &headers("1.2.3.4"), &[]), peer);
        let other: IpNet = "10.0.0.0/8".parse().unwrap();
        assert_eq!(client_ip(peer, &headers("1.2.3.4"), &[other]), peer);
    }

    #[test]
    fn behind_trusted_proxies_the_right_most_untrusted_address_counts() {
        let proxies: Vec<IpNet> = vec!["10.0.0.0/8".parse().unwrap()];
        let peer: IpAddr = "10.0.0.2".parse().unwrap();
        // The client forged the first entry; the proxy appended the real one.
        let h = headers("6.6.6.6, 198.51.100.7, 10.0.0.5");
        assert_eq!(
            client_ip(peer, &h, &proxies),
            "198.51.100.7".parse::<IpAddr>().unwrap()
        );
        assert_eq!(client_ip(peer, &HeaderMap::new(), &proxies), peer);
        assert_eq!(client_ip(peer, &headers("garbage"), &proxies), peer);
    }
}
