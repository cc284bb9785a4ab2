//! Validating changes to a workspace's settings and the metadata a host sends about a user.
//! Every change is checked before anything is written, so a bad value changes nothing.

use std::collections::BTreeMap;
use std::future::Future;

use porthole_types::{Faq, LauncherPosition, Locale, Metadata, Settings, Visibility};
use serde_json::{Map, Value};

use crate::{check_text, CoreError, CoreResult, EmailAddress, Origin};

/// Where a workspace's settings are kept. A storage engine implements it.
pub trait SettingsStore: Send + Sync {
    /// In one write transaction: reads the workspace's settings and its allowed origins, asks
    /// `decide` for the settings that replace them, and writes those. A missing workspace is
    /// not found; a decision that refuses writes nothing.
    fn change_settings<F>(
        &self,
        workspace_id: i64,
        decide: F,
    ) -> impl Future<Output = CoreResult<Settings>> + Send
    where
        F: FnOnce(&Settings, &[String]) -> CoreResult<Settings> + Send + 'static;
}

/// An admin changes some of the workspace's settings (the API's `PATCH /settings`, the CLI's
/// `workspace settings`). The changes are checked against the settings as the write reads
/// them, so two admins changing different fields at once both keep their change.
pub async fn change<S: SettingsStore>(
    store: &S,
    workspace_id: i64,
    changes: Map<String, Value>,
) -> CoreResult<Settings> {
    store
        .change_settings(workspace_id, move |current, origins| {
            apply(current, &changes, origins)
        })
        .await
}

pub const TITLE_MAX: usize = 60;
pub const GREETING_MAX: usize = 500;
pub const BRAND_MAX: usize = 80;
pub const URL_MAX: usize = 2000;
pub const CATEGORIES_MAX: usize = 20;
pub const CATEGORY_MAX: usize = 60;
pub const FAQS_MAX: usize = 5;
pub const QUESTION_MAX: usize = 200;
pub const ANSWER_MAX: usize = 2000;
pub const LINKS_MAX: usize = 20;
pub const LINK_LABEL_MAX: usize = 60;
pub const METADATA_NAME_MAX: usize = 200;

fn invalid(field: &'static str, message: impl Into<String>) -> CoreError {
    CoreError::Invalid(field, message.into())
}

/// A whole number as JSON may write one: `5` or `5.0`.
fn whole(value: &Value) -> Option<i64> {
    value.as_i64().or_else(|| {
        value
            .as_f64()
            .filter(|f| f.fract() == 0.0 && f.abs() < 9e15)
            .map(|f| f as i64)
    })
}

fn text(field: &'static str, value: &Value, max: usize) -> CoreResult<Option<String>> {
    match value {
        Value::Null => Ok(None),
        Value::String(s) => check_text(s, max)
            .map(|t| t.map(str::to_owned))
            .map_err(|e| e.for_field(field)),
        _ => Err(invalid(field, format!("{field} must be text"))),
    }
}

/// An http or https URL, nothing else (no `javascript:`, no `data:`).
pub fn web_url(field: &'static str, raw: &str) -> CoreResult<url::Url> {
    let url = url::Url::parse(raw.trim())
        .map_err(|_| invalid(field, format!("{field} must be an http or https URL")))?;
    if !matches!(url.scheme(), "http" | "https") || raw.len() > URL_MAX {
        return Err(invalid(
            field,
            format!("{field} must be an http or https URL"),
        ));
    }
    Ok(url)
}

/// `#rgb` or `#rrggbb`, returned as lowercase `#rrggbb`.
pub fn parse_color(raw: &str) -> Option<String> {
    let hex = raw.trim().strip_prefix('#')?;
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let full = match hex.len() {
        3 => hex.chars().flat_map(|c| [c, c]).collect(),
        6 => hex.to_owned(),
        _ => return None,
    };
    Some(format!("#{}", full.to_ascii_lowercase()))
}

fn one_of<T: Copy>(field: &'static str, value: &Value, options: &[(&str, T)]) -> CoreResult<T> {
    let names: Vec<&str> = options.iter().map(|(n, _)| *n).collect();
    value
        .as_str()
        .and_then(|s| options.iter().find(|(n, _)| *n == s))
        .map(|(_, v)| *v)
        .ok_or_else(|| {
            invalid(
                field,
                format!("{field} must be one of: {}", names.join(", ")),
            )
        })
}

/// Applies `changes` to `current`, checking every key; `null` resets a key to its default.
/// `origins` are the workspace's allowed origins, which a custom stylesheet must come from.
/// A true or false setting; `null` resets it to `default`.
fn boolean(field: &'static str, value: &Value, default: bool) -> CoreResult<bool> {
    match value {
        Value::Null => Ok(default),
        Value::Bool(b) => Ok(*b),
        _ => Err(invalid(field, format!("{field} must be true or false"))),
    }
}

/// An email address setting; `null` clears it.
fn email(field: &'static str, value: &Value) -> CoreResult<Option<String>> {
    text(field, value, 254)?
        .map(|e| EmailAddress::parse(&e).map(|e| e.to_string()))
        .transpose()
        .map_err(|m| invalid(field, m))
}

pub fn apply(
    current: &Settings,
    changes: &Map<String, Value>,
    origins: &[String],
) -> CoreResult<Settings> {
    let defaults = Settings::default();
    let mut s = current.clone();
    for (key, value) in changes {
        match key.as_str() {
            "title" => s.title = text("title", value, TITLE_MAX)?,
            "greeting" => s.greeting = text("greeting", value, GREETING_MAX)?,
            "brand_name" => s.brand_name = text("brand_name", value, BRAND_MAX)?,
            "logo_url" => {
                s.logo_url = text("logo_url", value, URL_MAX)?
                    .map(|u| web_url("logo_url", &u).map(String::from))
                    .transpose()?;
            }
            "primary_color" => {
                s.primary_color = match value {
                    Value::Null => defaults.primary_color.clone(),
                    v => v.as_str().and_then(parse_color).ok_or_else(|| {
                        invalid(
                            "primary_color",
                            "primary_color must be a colour like #2563eb",
                        )
                    })?,
                };
            }
            "support_email" => s.support_email = email("support_email", value)?,
            "notification_email" => s.notification_email = email("notification_email", value)?,
            "widget_host_url" => {
                s.widget_host_url = text("widget_host_url", value, URL_MAX)?
                    .map(|u| web_url("widget_host_url", &u).map(String::from))
                    .transpose()?;
            }
            "launcher_position" => {
                s.launcher_position = if value.is_null() {
                    defaults.launcher_position
                } else {
                    one_of(
                        "launcher_position",
                        value,
                        &[
                            ("left", LauncherPosition::Left),
                            ("right", LauncherPosition::Right),
                        ],
                    )?
                };
            }
            "categories" => s.categories = categories(value)?,
            "faqs" => s.faqs = faqs(value)?,
            "auto_assign" => {
                s.auto_assign = boolean("auto_assign", value, defaults.auto_assign)?;
            }
            "auto_assign_cap" => {
                s.auto_assign_cap = match value {
                    Value::Null => None,
                    v => Some(whole(v).filter(|n| (1..=1000).contains(n)).ok_or_else(|| {
                        invalid(
                            "auto_assign_cap",
                            "auto_assign_cap must be a whole number from 1 to 1000, or null",
                        )
                    })?),
                };
            }
            "escalate_after_minutes" => {
                s.escalate_after_minutes = match value {
                    Value::Null => None,
                    v => Some(
                        whole(v)
                            .filter(|n| (1..=10_080).contains(n))
                            .ok_or_else(|| {
                                invalid(
                                    "escalate_after_minutes",
                                    "escalate_after_minutes must be a whole number of minutes from 1 to 10080, or null",
                                )
                            })?,
                    ),
                };
            }
            "email_auto_response" => {
                s.email_auto_response =
                    boolean("email_auto_response", value, defaults.email_auto_response)?
            }
            "require_timestamp" => {
                s.require_timestamp =
                    boolean("require_timestamp", value, defaults.require_timestamp)?;
            }
            "timestamp_window_secs" => {
                s.timestamp_window_secs = match value {
                    Value::Null => defaults.timestamp_window_secs,
                    v => whole(v)
                        .filter(|n| (1..=86_400).contains(n))
                        .ok_or_else(|| {
                            invalid(
                                "timestamp_window_secs",
                                "timestamp_window_secs must be a whole number of seconds from 1 to 86400",
                            )
                        })?,
                };
            }
            "show_toggle_button" => {
                s.show_toggle_button =
                    boolean("show_toggle_button", value, defaults.show_toggle_button)?;
            }
            "visibility" => {
                s.visibility = if value.is_null() {
                    defaults.visibility
                } else {
                    one_of(
                        "visibility",
                        value,
                        &[("all", Visibility::All), ("revenue", Visibility::Revenue)],
                    )?
                };
            }
            "revenue_threshold" => {
                s.revenue_threshold = match value {
                    Value::Null => 0.0,
                    v => v
                        .as_f64()
                        .filter(|n| n.is_finite() && *n >= 0.0)
                        .ok_or_else(|| {
                            invalid(
                                "revenue_threshold",
                                "revenue_threshold must be a number of at least 0",
                            )
                        })?,
                };
            }
            "custom_css_url" => s.custom_css_url = custom_css(value, origins)?,
            "default_locale" => {
                s.default_locale = match value {
                    Value::Null => Locale::En,
                    v => v.as_str().and_then(Locale::parse).ok_or_else(|| {
                        invalid(
                            "default_locale",
                            "default_locale must be one of: en, fr, de, es",
                        )
                    })?,
                };
            }
            _ => {
                return Err(CoreError::InvalidRequest(format!(
                    "unknown setting {key:?}"
                )));
            }
        }
    }
    Ok(s)
}

fn categories(value: &Value) -> CoreResult<Vec<String>> {
    let items = match value {
        Value::Null => return Ok(vec![]),
        Value::Array(items) => items,
        _ => return Err(invalid("categories", "categories must be a list of names")),
    };
    if items.len() > CATEGORIES_MAX {
        return Err(invalid(
            "categories",
            format!("at most {CATEGORIES_MAX} categories"),
        ));
    }
    let mut out: Vec<String> = vec![];
    for item in items {
        let name = text("categories", item, CATEGORY_MAX)?
            .ok_or_else(|| invalid("categories", "a category needs a name"))?;
        if out.iter().any(|n| n.eq_ignore_ascii_case(&name)) {
            return Err(invalid("categories", format!("{name:?} is listed twice")));
        }
        out.push(name);
    }
    Ok(out)
}

fn faqs(value: &Value) -> CoreResult<Vec<Faq>> {
    let items = match value {
        Value::Null => return Ok(vec![]),
        Value::Array(items) => items,
        _ => return Err(invalid("faqs", "faqs must be a list of {question, answer}")),
    };
    if items.len() > FAQS_MAX {
        return Err(invalid("faqs", format!("at most {FAQS_MAX} FAQs")));
    }
    items
        .iter()
        .map(|item| {
            let question = text(
                "faqs",
                item.get("question").unwrap_or(&Value::Null),
                QUESTION_MAX,
            )?;
            let answer = text(
                "faqs",
                item.get("answer").unwrap_or(&Value::Null),
                ANSWER_MAX,
            )?;
            match (question, answer) {
                (Some(question), Some(answer)) => Ok(Faq { question, answer }),
                _ => Err(invalid("faqs", "each FAQ needs a question and an answer")),
            }
        })
        .collect()
}

/// A stylesheet from one of the company's own (allowed) origins, over http(s).
fn custom_css(value: &Value, origins: &[String]) -> CoreResult<Option<String>> {
    let Some(raw) = text("custom_css_url", value, URL_MAX)? else {
        return Ok(None);
    };
    let url = web_url("custom_css_url", &raw)?;
    let origin = url.origin().ascii_serialization();
    if !origins.contains(&origin) {
        return Err(invalid(
            "custom_css_url",
            "custom_css_url must be on one of the workspace's allowed origins",
        ));
    }
    Ok(Some(url.to_string()))
}

/// The origin a custom stylesheet is served from, for the CSP.
pub fn css_origin(url: &str) -> Option<String> {
    Origin::parse(&url::Url::parse(url).ok()?.origin().ascii_serialization())
        .ok()
        .map(|o| o.to_string())
}

/// Checks `metadata` from `init`. A rejection names the field and does not block the session.
pub fn metadata(value: &Value) -> CoreResult<Metadata> {
    let Value::Object(map) = value else {
        return Err(invalid("metadata", "metadata must be an object"));
    };
    let mut out = Metadata::default();
    for (key, v) in map {
        match key.as_str() {
            "value" => {
                out.value = match v {
                    Value::Null => None,
                    v => Some(v.as_f64().filter(|n| n.is_finite()).ok_or_else(|| {
                        invalid("metadata.value", "metadata.value must be a finite number")
                    })?),
                }
            }
            "name" => out.name = text("metadata.name", v, METADATA_NAME_MAX)?,
            "links" => out.links = links(v)?,
            other => {
                return Err(invalid(
                    "metadata",
                    format!("unknown metadata field {other:?}"),
                ))
            }
        }
    }
    Ok(out)
}

fn links(value: &Value) -> CoreResult<BTreeMap<String, String>> {
    let map = match value {
        Value::Null => return Ok(BTreeMap::new()),
        Value::Object(map) => map,
        _ => {
            return Err(invalid(
                "metadata.links",
                "metadata.links must map labels to URLs",
            ))
        }
    };
    if map.len() > LINKS_MAX {
        return Err(invalid(
            "metadata.links",
            format!("at most {LINKS_MAX} links"),
        ));
    }
    map.iter()
        .map(|(label, url)| {
            let label = text(
                "metadata.links",
                &Value::String(label.clone()),
                LINK_LABEL_MAX,
            )?
            .ok_or_else(|| invalid("metadata.links", "a link needs a label"))?;
            let url = url
                .as_str()
                .ok_or_else(|| invalid("metadata.links", "links must be URLs"))?;
            Ok((label, web_url("metadata.links", url)?.to_string()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn change(key: &str, value: Value) -> CoreResult<Settings> {
        let map = json!({ key: value }).as_object().unwrap().clone();
        apply(
            &Settings::default(),
            &map,
            &["https://app.acme.com".to_owned()],
        )
    }

    #[test]
    fn colours_are_checked_and_normalised() {
        assert_eq!(
            change("primary_color", json!("#ABC"))
                .unwrap()
                .primary_color,
            "#aabbcc"
        );
        assert_eq!(
            change("primary_color", json!("#0A7f3C"))
                .unwrap()
                .primary_color,
            "#0a7f3c"
        );
        for bad in [
            json!("red"),
            json!("#12345"),
            json!("#ggg"),
            json!(1),
            json!("#1234567"),
        ] {
            assert!(change("primary_color", bad.clone()).is_err(), "{bad}");
        }
    }

    #[test]
    fn at_most_five_faqs_each_with_a_question_and_answer() {
        let faq = json!({ "question": "Q?", "answer": "A." });
        assert_eq!(
            change("faqs", Value::Array(vec![faq.clone(); 5]))
                .unwrap()
                .faqs
                .len(),
            5
        );
        assert!(change("faqs", Value::Array(vec![faq; 6])).is_err());
        assert!(change("faqs", json!([{ "question": "Q?" }])).is_err());
    }

    #[test]
    fn custom_css_must_come_from_an_allowed_origin_over_http() {
        assert!(change("custom_css_url", json!("https://app.acme.com/brand.css")).is_ok());
        for bad in [
            "https://evil.example/x.css",
            "javascript:alert(1)",
            "data:text/css,x",
            "ftp://app.acme.com/x.css",
        ] {
            assert!(change("custom_css_url", json!(bad)).is_err(), "{bad}");
        }
    }

    #[test]
    fn null_resets_and_unknown_keys_are_refused() {
        let s = change("title", json!("Help")).unwrap();
        assert_eq!(s.title.as_deref(), Some("Help"));
        assert_eq!(change("title", Value::Null).unwrap().title, None);
        assert!(matches!(
            change("colour", json!("#fff")),
            Err(CoreError::InvalidRequest(_))
        ));
        assert!(change("greeting", json!("x".repeat(501))).is_err());
        assert!(change("default_locale", json!("it")).is_err());
        assert!(change("revenue_threshold", json!(-1)).is_err());
    }

    #[test]
    fn metadata_is_bounded_and_links_are_web_urls() {
        let ok = metadata(&json!({ "value": 120.5, "name": "Pro plan", "links": { "CRM": "https://crm.acme.com/42" } })).unwrap();
        assert_eq!(ok.value, Some(120.5));
        for bad in [
            json!({ "links": { "x": "javascript:alert(1)" } }),
            json!({ "value": "lots" }),
            json!({ "name": "x".repeat(201) }),
            json!({ "plan": "pro" }),
            json!([1, 2]),
        ] {
            assert!(metadata(&bad).is_err(), "{bad}");
        }
    }
}
