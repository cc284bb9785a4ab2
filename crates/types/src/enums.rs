use serde::{Deserialize, Serialize};

macro_rules! wire_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $wire:literal, $label:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The snake_case name used in JSON, query strings and the database.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $wire),+ }
            }

            /// A human label, for the CLI and the widget.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            pub fn parse(s: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.as_str() == s)
            }
        }
    };
}

wire_enum! {
    /// Where a ticket stands. Only Open, In Progress and Waiting are "active".
    TicketStatus {
        Open => "open", "Open";
        InProgress => "in_progress", "In Progress";
        Waiting => "waiting", "Waiting";
        Resolved => "resolved", "Resolved";
        Closed => "closed", "Closed";
    }
}

wire_enum! {
    Priority {
        Low => "low", "Low";
        Medium => "medium", "Medium";
        High => "high", "High";
        Urgent => "urgent", "Urgent";
    }
}

wire_enum! {
    /// What the user says the ticket is about.
    TicketType {
        SupportRequest => "support_request", "Support Request";
        GeneralInquiry => "general_inquiry", "General Inquiry";
        BugReport => "bug_report", "Bug Report";
        FeatureRequest => "feature_request", "Feature Request";
    }
}

wire_enum! {
    /// The surface a ticket was opened from.
    Channel {
        Widget => "widget", "Widget";
        Portal => "portal", "Portal";
        Embed => "embed", "Signed iframe";
        Email => "email", "Email";
    }
}

wire_enum! {
    /// Who wrote a message.
    Author {
        User => "user", "User";
        Agent => "agent", "Agent";
    }
}

impl TicketStatus {
    /// A user's reply brings a ticket in these states back to Open.
    pub fn reopens_on_user_reply(self) -> bool {
        matches!(self, TicketStatus::Resolved | TicketStatus::Waiting)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_round_trips_through_its_wire_name() {
        for s in TicketStatus::ALL {
            let json = serde_json::to_string(s).unwrap();
            assert_eq!(json, format!("\"{}\"", s.as_str()));
            assert_eq!(TicketStatus::parse(s.as_str()), Some(*s));
        }
    }

    #[test]
    fn unknown_names_do_not_parse() {
        assert_eq!(TicketStatus::parse("Open"), None);
        assert_eq!(TicketType::parse("bug"), None);
    }
}
