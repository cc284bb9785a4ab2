//! The request series that `/metrics` reports (`api::metrics`), kept for the whole server.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::{Arc, Mutex};

/// Upper bounds of the latency buckets, in seconds.
const BUCKETS: [f64; 10] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0, 5.0];

#[derive(Default)]
struct Series {
    count: u64,
    sum: f64,
    /// Requests at or under each bucket's bound.
    buckets: [u64; BUCKETS.len()],
}

/// Series by their labels: route pattern, method and status. Never the raw path: a path can
/// carry anything a client chose, and the label set must stay small. Nested by label so that
/// a request finds its series without allocating its labels.
type ByLabels = BTreeMap<String, BTreeMap<String, BTreeMap<u16, Series>>>;

#[derive(Clone, Default)]
pub struct Metrics(Arc<Mutex<ByLabels>>);

/// The map under `key`, made on first use; the key is copied only then.
fn entry<'a, V: Default>(map: &'a mut BTreeMap<String, V>, key: &str) -> &'a mut V {
    if !map.contains_key(key) {
        map.insert(key.to_owned(), V::default());
    }
    map.get_mut(key).expect("just inserted")
}

impl Metrics {
    pub fn observe(&self, method: &str, route: &str, status: u16, seconds: f64) {
        let mut all = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let series = entry(entry(&mut all, route), method)
            .entry(status)
            .or_default();
        series.count += 1;
        series.sum += seconds;
        for (bound, n) in BUCKETS.iter().zip(series.buckets.iter_mut()) {
            if seconds <= *bound {
                *n += 1;
            }
        }
    }

    pub fn render(&self, pool_size: u32, pool_idle: usize) -> String {
        let mut out = String::new();
        out.push_str("# HELP porthole_http_request_duration_seconds Time to answer, by route.\n");
        out.push_str("# TYPE porthole_http_request_duration_seconds histogram\n");
        let all = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let series = all.iter().flat_map(|(route, methods)| {
            methods.iter().flat_map(move |(method, statuses)| {
                statuses
                    .iter()
                    .map(move |(status, s)| (method, route, status, s))
            })
        });
        for (method, route, status, s) in series {
            let labels = format!("method=\"{method}\",route=\"{route}\",status=\"{status}\"");
            for (bound, n) in BUCKETS.iter().zip(s.buckets) {
                let _ = writeln!(
                    out,
                    "porthole_http_request_duration_seconds_bucket{{{labels},le=\"{bound}\"}} {n}"
                );
            }
            let _ = writeln!(
                out,
                "porthole_http_request_duration_seconds_bucket{{{labels},le=\"+Inf\"}} {}",
                s.count
            );
            let _ = writeln!(
                out,
                "porthole_http_request_duration_seconds_sum{{{labels}}} {}",
                s.sum
            );
            let _ = writeln!(
                out,
                "porthole_http_request_duration_seconds_count{{{labels}}} {}",
                s.count
            );
        }
        let _ = write!(
            out,
            "# HELP porthole_db_connections Database pool connections, open and idle.\n\
             # TYPE porthole_db_connections gauge\n\
             porthole_db_connections{{state=\"open\"}} {pool_size}\n\
             porthole_db_connections{{state=\"idle\"}} {pool_idle}\n"
        );
        out
    }
}

#[cfg(test)]
mod tests {
    use super::Metrics;

    #[test]
    fn observations_land_in_their_buckets_and_the_count() {
        let m = Metrics::default();
        m.observe("GET", "/healthz", 200, 0.002);
        m.observe("GET", "/healthz", 200, 0.3);
        let text = m.render(3, 1);
        let line = |suffix: &str| {
            format!(
                "porthole_http_request_duration_seconds_{suffix}{{method=\"GET\",route=\"/healthz\",status=\"200\"{}",
                if suffix == "bucket" { "," } else { "}" }
            )
        };
        assert!(
            text.contains(&format!("{}le=\"0.001\"}} 0", line("bucket"))),
            "{text}"
        );
        assert!(
            text.contains(&format!("{}le=\"0.0025\"}} 1", line("bucket"))),
            "{text}"
        );
        assert!(
            text.contains(&format!("{}le=\"+Inf\"}} 2", line("bucket"))),
            "{text}"
        );
        assert!(text.contains(&format!("{} 2", line("count"))), "{text}");
        assert!(text.contains("porthole_db_connections{state=\"open\"} 3"));
    }
}
