//! Reads API responses straight from the objects the browser's `JSON.parse` builds, and builds
//! request bodies the same way. A serde (de)serializer costs about 20 KB of the panel's 100 KB
//! budget for these few shapes; this costs a fraction. The shapes are `porthole_types`', and the
//! browser tests exercise every one of them against the real server.

use js_sys::{Array, Object, Reflect, JSON};
use porthole_types::{
    Author, ErrorBody, ErrorDetail, Message, Ticket, TicketList, TicketStatus, TicketSummary,
    TicketType,
};
use wasm_bindgen::JsValue;

/// One parsed JSON object.
struct Obj(JsValue);

impl Obj {
    fn get(&self, key: &str) -> JsValue {
        Reflect::get(&self.0, &key.into()).unwrap_or(JsValue::UNDEFINED)
    }

    fn string(&self, key: &str) -> Option<String> {
        self.get(key).as_string()
    }

    /// `Some(None)` for null or absent, `None` for a value of the wrong kind.
    fn nullable_string(&self, key: &str) -> Option<Option<String>> {
        let v = self.get(key);
        if v.is_null() || v.is_undefined() {
            Some(None)
        } else {
            v.as_string().map(Some)
        }
    }

    fn list<T>(&self, key: &str, item: fn(Obj) -> Option<T>) -> Option<Vec<T>> {
        let v = self.get(key);
        if !Array::is_array(&v) {
            return None;
        }
        Array::from(&v).iter().map(|x| item(Obj(x))).collect()
    }
}

fn status(o: &Obj) -> Option<TicketStatus> {
    TicketStatus::parse(&o.string("status")?)
}

fn summary(o: Obj) -> Option<TicketSummary> {
    Some(TicketSummary {
        reference: o.string("reference")?,
        subject: o.string("subject")?,
        status: status(&o)?,
        preview: o.nullable_string("preview")?,
        updated_at: o.string("updated_at")?,
        unread: o.get("unread").as_bool()?,
    })
}

fn message(o: Obj) -> Option<Message> {
    Some(Message {
        id: o.get("id").as_f64()? as i64,
        author: Author::parse(&o.string("author")?)?,
        author_name: o.nullable_string("author_name")?,
        author_avatar: o.nullable_string("author_avatar")?,
        body: o.string("body")?,
        html: o.string("html")?,
        created_at: o.string("created_at")?,
        // Files are shown by the lazily loaded module (`extras`), which reads them itself.
        attachments: vec![],
    })
}

/// A response shape the panel reads.
pub trait FromJson: Sized {
    fn from_json(o: JsValue) -> Option<Self>;
}

impl FromJson for TicketList {
    fn from_json(o: JsValue) -> Option<Self> {
        let o = Obj(o);
        Some(TicketList {
            tickets: o.list("tickets", summary)?,
            next_cursor: o.nullable_string("next_cursor")?,
        })
    }
}

impl FromJson for Ticket {
    fn from_json(o: JsValue) -> Option<Self> {
        let o = Obj(o);
        let ticket_type = match o.nullable_string("type")? {
            Some(t) => Some(TicketType::parse(&t)?),
            None => None,
        };
        Some(Ticket {
            reference: o.string("reference")?,
            subject: o.string("subject")?,
            status: status(&o)?,
            ticket_type,
            category: o.nullable_string("category")?,
            created_at: o.string("created_at")?,
            updated_at: o.string("updated_at")?,
            resolution: o.nullable_string("resolution")?,
            messages: o.list("messages", message)?,
            // Asked by the lazily loaded module, which reads the ticket itself.
            awaiting_rating: false,
        })
    }
}

impl FromJson for ErrorBody {
    fn from_json(o: JsValue) -> Option<Self> {
        let e = Obj(Obj(o).get("error"));
        Some(ErrorBody {
            error: ErrorDetail {
                code: e.string("code")?,
                message: e.string("message")?,
                field: e.nullable_string("field")?,
            },
        })
    }
}

pub fn parse<T: FromJson>(text: &str) -> Option<T> {
    T::from_json(JSON::parse(text).ok()?)
}

/// A JSON object text from fields; absent optional fields are left out. `attachments` is the
/// JSON array of upload ids the lazily loaded module keeps in the form (see `extras`), put in
/// as it is.
pub fn object(fields: &[(&str, Option<&str>)], attachments: &str) -> String {
    let o = Object::new();
    for (key, value) in fields {
        if let Some(value) = value {
            let _ = Reflect::set(&o, &(*key).into(), &(*value).into());
        }
    }
    if let Ok(ids) = JSON::parse(attachments) {
        let _ = Reflect::set(&o, &"attachments".into(), &ids);
    }
    JSON::stringify(&o).map(String::from).unwrap_or_default()
}
