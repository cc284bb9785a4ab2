//! Who has a ticket open in the console, and who is writing a reply, so two agents do not
//! answer the same customer at once. Kept in this process's memory: it is seconds old at most,
//! and several servers behind one balancer each know only their own agents (the README says so).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use porthole_types::Colleague;

/// How long a heartbeat counts: the console sends one every 10 seconds.
pub const FRESH_MS: i64 = 30_000;

type Ticket = (i64, i64);

#[derive(Clone, Default)]
pub struct Presence {
    tickets: Arc<Mutex<HashMap<Ticket, HashMap<String, Seen>>>>,
}

struct Seen {
    name: String,
    replying: bool,
    at_ms: i64,
}

impl Presence {
    /// Notes that `who` (a stable principal, named `name`) has the ticket open, and returns
    /// the others who have had it open lately.
    pub fn beat(
        &self,
        ticket: Ticket,
        (who, name): (&str, &str),
        replying: bool,
        now_ms: i64,
    ) -> Vec<Colleague> {
        let mut tickets = self.tickets.lock().unwrap_or_else(|p| p.into_inner());
        // Forget what is stale everywhere, so the map holds only open tickets.
        tickets.retain(|_, seen| {
            seen.retain(|_, s| now_ms - s.at_ms < FRESH_MS);
            !seen.is_empty()
        });
        let seen = tickets.entry(ticket).or_default();
        seen.insert(
            who.to_owned(),
            Seen {
                name: name.to_owned(),
                replying,
                at_ms: now_ms,
            },
        );
        let mut others: Vec<Colleague> = seen
            .iter()
            .filter(|(principal, _)| principal.as_str() != who)
            .map(|(_, s)| Colleague {
                name: s.name.clone(),
                replying: s.replying,
            })
            .collect();
        others.sort_by(|a, b| a.name.cmp(&b.name));
        others
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_agent_sees_the_others_on_the_same_ticket_until_they_go_quiet() {
        let p = Presence::default();
        assert!(p.beat((1, 7), ("agent:1", "Ann"), false, 0).is_empty());
        let seen = p.beat((1, 7), ("agent:2", "Bob"), true, 1_000);
        assert_eq!(
            seen,
            [Colleague {
                name: "Ann".into(),
                replying: false
            }]
        );
        let seen = p.beat((1, 7), ("agent:1", "Ann"), false, 2_000);
        assert_eq!(
            seen,
            [Colleague {
                name: "Bob".into(),
                replying: true
            }]
        );
        // Another ticket, or another workspace's ticket of the same number, is apart.
        assert!(p.beat((2, 7), ("agent:9", "Eve"), false, 2_000).is_empty());
        assert!(p.beat((1, 7), ("agent:1", "Ann"), false, 40_000).is_empty());
    }
}
