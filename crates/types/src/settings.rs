//! A workspace's remote configuration: what the company can change without touching its site.

use serde::{Deserialize, Serialize};

/// The languages the user-facing surfaces speak.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    En,
    Fr,
    De,
    Es,
}

impl Locale {
    pub const ALL: [Locale; 4] = [Locale::En, Locale::Fr, Locale::De, Locale::Es];

    pub fn as_str(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Fr => "fr",
            Locale::De => "de",
            Locale::Es => "es",
        }
    }

    /// Exactly one of the supported codes.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.as_str() == s)
    }

    /// The best match for a language tag such as `fr-CA` or `de`, if any.
    pub fn from_tag(tag: &str) -> Option<Self> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Self::parse(&primary)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum LauncherPosition {
    Left,
    #[default]
    Right,
}

/// Who sees the launcher.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Visibility {
    /// Every verified user.
    #[default]
    All,
    /// Only users whose `metadata.value` at `init` is at least `revenue_threshold`.
    Revenue,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Faq {
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 200))]
    pub question: String,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 2000))]
    pub answer: String,
}

/// Every setting, with its current value (defaults where never set).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct Settings {
    /// Shown in the widget header. Default: "Support".
    #[cfg_attr(feature = "openapi", schema(max_length = 60))]
    pub title: Option<String>,
    /// Shown on an empty ticket list. Default: the locale's greeting.
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    pub greeting: Option<String>,
    /// The company's name on portal pages. Default: the workspace name.
    #[cfg_attr(feature = "openapi", schema(max_length = 80))]
    pub brand_name: Option<String>,
    /// An http(s) URL.
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub logo_url: Option<String>,
    /// `#rrggbb`. Default `#2563eb`.
    #[cfg_attr(feature = "openapi", schema(pattern = "^\\s*#[0-9A-Fa-f]{6}\\s*$"))]
    pub primary_color: String,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<crate::schema::Email>))]
    pub support_email: Option<String>,
    pub launcher_position: LauncherPosition,
    /// Offered by the new-ticket forms; the chosen one is stored on the ticket. At most 20
    /// names of at most 60 characters, none twice.
    #[cfg_attr(feature = "openapi", schema(max_items = 20))]
    pub categories: Vec<String>,
    /// At most five, shown beside the new-ticket forms.
    #[cfg_attr(feature = "openapi", schema(max_items = 5))]
    pub faqs: Vec<Faq>,
    /// Whether the launcher button is drawn, unless `init` says otherwise.
    pub show_toggle_button: bool,
    pub visibility: Visibility,
    #[cfg_attr(feature = "openapi", schema(minimum = 0))]
    pub revenue_threshold: f64,
    /// A stylesheet on one of the allowed origins, loaded into the widget and portal pages.
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub custom_css_url: Option<String>,
    pub default_locale: Locale,
    /// Refuse the plain (never-expiring) verification hash; accept only timestamped ones.
    pub require_timestamp: bool,
    /// How far a timestamped hash may be from the server's clock, in seconds (1 to 86400).
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 86400))]
    pub timestamp_window_secs: i64,
    /// A page of the host's site where the widget lives; emails about widget tickets link there.
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub widget_host_url: Option<String>,
    /// Answer an email that opens a ticket with one automatic reply (at most one per sender a
    /// day) giving its reference, a tracking link and `widget_host_url`. Needs that URL.
    pub email_auto_response: bool,
    /// Where the team hears of new tickets and customer replies, unless the ticket's assignee
    /// is an email address.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<crate::schema::Email>))]
    pub notification_email: Option<String>,
    /// Give each new ticket to the next available agent in turn (round robin).
    pub auto_assign: bool,
    /// With `auto_assign`, skip agents who already hold this many open, in-progress or waiting
    /// tickets (1 to 1000); none means no cap.
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 1000))]
    pub auto_assign_cap: Option<i64>,
    /// Tell the admins (by email, and webhooks by `ticket.escalated`) of a ticket still
    /// unassigned or unanswered this many minutes after it was opened (1 to 10080); none
    /// turns it off.
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 10080))]
    pub escalate_after_minutes: Option<i64>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            title: None,
            greeting: None,
            brand_name: None,
            logo_url: None,
            primary_color: "#2563eb".into(),
            support_email: None,
            launcher_position: LauncherPosition::Right,
            categories: vec![],
            faqs: vec![],
            show_toggle_button: true,
            visibility: Visibility::All,
            revenue_threshold: 0.0,
            custom_css_url: None,
            default_locale: Locale::En,
            require_timestamp: false,
            timestamp_window_secs: 300,
            widget_host_url: None,
            email_auto_response: false,
            notification_email: None,
            auto_assign: false,
            auto_assign_cap: None,
            escalate_after_minutes: None,
        }
    }
}

/// What the customer's backend may say about the user at `init`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Metadata {
    #[serde(default)]
    pub value: Option<f64>,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub links: std::collections::BTreeMap<String, String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags_map_to_supported_locales() {
        assert_eq!(Locale::from_tag("fr-CA"), Some(Locale::Fr));
        assert_eq!(Locale::from_tag("DE"), Some(Locale::De));
        assert_eq!(Locale::from_tag("es_MX"), Some(Locale::Es));
        assert_eq!(Locale::from_tag("pt-BR"), None);
        assert_eq!(Locale::parse("EN"), None, "settings take exact codes");
    }

    #[test]
    fn settings_default_when_fields_are_missing() {
        let s: Settings = serde_json::from_str("{}").unwrap();
        assert_eq!(s, Settings::default());
        assert!(s.show_toggle_button);
    }
}
