//! Webhooks must not become a way into the server's own network: destinations on loopback,
//! private, link-local and other non-public addresses are refused, when the endpoint is added
//! and again at every delivery, by a resolver that drops such addresses (so a name that later
//! resolves to one, DNS rebinding, gets nowhere). `--allow-private-webhooks` turns this off,
//! for tests and for all-internal deployments.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use reqwest::dns::{Addrs, Name, Resolve, Resolving};

/// Whether `ip` is one a webhook may not reach: anything but a global unicast address, as
/// IANA's special-purpose registries list them. An IPv6 address that carries an IPv4 one
/// (mapped, IPv4-compatible, NAT64, 6to4) is judged by the IPv4 address it carries.
fn forbidden(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, c, _] = v4.octets();
            v4.is_loopback()
                || v4.is_private()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || v4.is_multicast()
                || v4.is_documentation()
                || a == 0
                // Shared address space (CGNAT), 100.64.0.0/10.
                || (a == 100 && (64..128).contains(&b))
                // IETF protocol assignments, 192.0.0.0/24, and the 6to4 relay, 192.88.99.0/24.
                || (a == 192 && b == 0 && c == 0)
                || (a == 192 && b == 88 && c == 99)
                // Benchmarking, 198.18.0.0/15.
                || (a == 198 && (b == 18 || b == 19))
                // Reserved for future use, 240.0.0.0/4.
                || a >= 240
        }
        IpAddr::V6(v6) => {
            let s = v6.segments();
            let embedded = |high: u16, low: u16| {
                forbidden(IpAddr::V4(std::net::Ipv4Addr::from(
                    (u32::from(high) << 16) | u32::from(low),
                )))
            };
            match s {
                // IPv4-mapped ::ffff:0:0/96 and IPv4-compatible ::/96 (but :: and ::1).
                [0, 0, 0, 0, 0, 0xffff, hi, lo] => embedded(hi, lo),
                [0, 0, 0, 0, 0, 0, hi, lo] if hi != 0 => embedded(hi, lo),
                // NAT64, 64:ff9b::/96, translates to the IPv4 address it carries.
                [0x64, 0xff9b, 0, 0, 0, 0, hi, lo] => embedded(hi, lo),
                // 6to4, 2002::/16, tunnels to the IPv4 address in its next 32 bits.
                [0x2002, hi, lo, ..] => embedded(hi, lo),
                // Outside global unicast 2000::/3: loopback, unspecified, ULA, link-local,
                // multicast, discard (100::/64), local NAT64 (64:ff9b:1::/48) and the rest.
                [first, ..] if first & 0xe000 != 0x2000 => true,
                // IETF protocol assignments 2001::/23 (Teredo among them), documentation
                // 2001:db8::/32 and 3fff::/20.
                [0x2001, second, ..] => second < 0x0200 || second == 0x0db8,
                [first, ..] => first & 0xfff0 == 0x3ff0,
            }
        }
    }
}

/// Resolves names to their public addresses only.
struct PublicOnly;

impl Resolve for PublicOnly {
    fn resolve(&self, name: Name) -> Resolving {
        Box::pin(async move {
            let found = tokio::net::lookup_host((name.as_str(), 0)).await?;
            let public: Vec<SocketAddr> = found.filter(|a| !forbidden(a.ip())).collect();
            if public.is_empty() {
                return Err("the name resolves to no public address".into());
            }
            Ok(Box::new(public.into_iter()) as Addrs)
        })
    }
}

/// How long a receiver has to answer a delivery, from the first byte sent to the last read.
pub const ANSWER_TIMEOUT: Duration = Duration::from_secs(5);

/// The HTTP client deliveries use: no redirects (a redirect could lead anywhere), a short
/// timeout, and unless `allow_private`, public addresses only.
pub fn client(allow_private: bool) -> reqwest::Client {
    let mut builder = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .connect_timeout(Duration::from_secs(3))
        .timeout(ANSWER_TIMEOUT)
        .user_agent("Porthole-Webhooks/1");
    if !allow_private {
        builder = builder.dns_resolver(Arc::new(PublicOnly));
    }
    builder
        .build()
        .expect("a client with these settings builds")
}

/// Checks a destination URL: http or https, with a host, and (unless `allow_private`) one that
/// is or resolves to public addresses only. Returns the reason it is refused.
pub async fn check_destination(raw: &str, allow_private: bool) -> Result<url::Url, String> {
    let url = url::Url::parse(raw.trim()).map_err(|_| "url must be an http or https URL")?;
    if !matches!(url.scheme(), "http" | "https") || raw.len() > 2000 {
        return Err("url must be an http or https URL".into());
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err("url must not carry credentials".into());
    }
    let host = url.host().ok_or("url must have a host")?;
    if allow_private {
        return Ok(url);
    }
    let refused = || {
        "url must lead to a public address, not a private, loopback or link-local one".to_owned()
    };
    match host {
        url::Host::Ipv4(ip) if forbidden(ip.into()) => return Err(refused()),
        url::Host::Ipv6(ip) if forbidden(ip.into()) => return Err(refused()),
        url::Host::Domain(name) => {
            let port = url.port_or_known_default().unwrap_or(443);
            let found: Vec<SocketAddr> = tokio::net::lookup_host((name, port))
                .await
                .map_err(|_| format!("url's host {name} does not resolve"))?
                .collect();
            if found.is_empty() || found.iter().any(|a| forbidden(a.ip())) {
                return Err(refused());
            }
        }
        _ => {}
    }
    Ok(url)
}

/// Whether a URL names a forbidden IP literal (which the resolver never sees).
pub fn forbidden_literal(url: &str) -> bool {
    match url::Url::parse(url)
        .ok()
        .and_then(|u| u.host().map(|h| h.to_owned()))
    {
        Some(url::Host::Ipv4(ip)) => forbidden(ip.into()),
        Some(url::Host::Ipv6(ip)) => forbidden(ip.into()),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::forbidden;

    #[test]
    fn internal_addresses_are_forbidden_and_public_ones_are_not() {
        for ip in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "0.0.0.0",
            "100.64.0.1",
            "::1",
            "fe80::1",
            "fd00::1",
            "::ffff:127.0.0.1",
            "::ffff:169.254.169.254",
            // IPv4 carried in IPv6: NAT64, 6to4 and IPv4-compatible.
            "64:ff9b::7f00:1",
            "64:ff9b::a9fe:a9fe",
            "2002:7f00:1::",
            "2002:a00:1::1",
            "::127.0.0.1",
            "::10.0.0.1",
            // Reserved and special-purpose ranges.
            "240.0.0.1",
            "255.255.255.254",
            "192.0.0.8",
            "192.88.99.1",
            "198.18.0.1",
            "2001:db8::1",
            "100::1",
            "64:ff9b:1::1",
            "2001::1",
            "3fff::1",
            "fec0::1",
            "ff02::1",
            "::",
        ] {
            assert!(forbidden(ip.parse().unwrap()), "{ip}");
        }
        for ip in [
            "93.184.216.34",
            "1.1.1.1",
            "2606:4700:4700::1111",
            // A public IPv4 address stays public when carried in IPv6.
            "64:ff9b::101:101",
            "2002:101:101::1",
            "::ffff:1.1.1.1",
        ] {
            assert!(!forbidden(ip.parse().unwrap()), "{ip}");
        }
    }
}
