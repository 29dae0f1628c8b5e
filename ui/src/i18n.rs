//! Interface strings through Fluent. Languages are data: every folder
//! `locales/<tag>/main.ftl` compiled in is a language the UI offers, named
//! by its own `language-name` message. A message missing in one language
//! falls back to English, then to its id (so a gap is visible, not blank).

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use include_dir::{include_dir, Dir};
use std::rc::Rc;
use unic_langid::LanguageIdentifier;
use wasm_bindgen::JsCast;

static LOCALES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/locales");

pub const DEFAULT_LANG: &str = "en";

fn bundle(tag: &str) -> Option<FluentBundle<FluentResource>> {
    let source = LOCALES
        .get_file(format!("{tag}/main.ftl"))?
        .contents_utf8()?;
    let langid: LanguageIdentifier = tag.parse().ok()?;
    let resource = FluentResource::try_new(source.to_owned()).unwrap_or_else(|(res, _errors)| res);
    let mut bundle = FluentBundle::new(vec![langid]);
    // No Unicode isolation marks around arguments: they would end up in the DOM.
    bundle.set_use_isolating(false);
    bundle.add_resource_overriding(resource);
    Some(bundle)
}

/// The strings of one language, with English behind it, and the time zone
/// times are shown in (the person's office once they sign in).
pub struct I18n {
    lang: String,
    time_zone: Option<String>,
    primary: Option<FluentBundle<FluentResource>>,
    fallback: Option<FluentBundle<FluentResource>>,
}

impl PartialEq for I18n {
    fn eq(&self, other: &Self) -> bool {
        self.lang == other.lang && self.time_zone == other.time_zone
    }
}

impl I18n {
    /// Strings for `lang`, or English when `lang` is not offered; times in
    /// `time_zone` (an IANA name), else the computer's own.
    pub fn new(lang: &str, time_zone: Option<&str>) -> Rc<I18n> {
        let lang = if is_offered(lang) { lang } else { DEFAULT_LANG };
        Rc::new(I18n {
            lang: lang.to_owned(),
            time_zone: time_zone.map(str::to_owned),
            primary: bundle(lang),
            fallback: bundle(DEFAULT_LANG),
        })
    }

    pub fn lang(&self) -> &str {
        &self.lang
    }

    pub fn time_zone(&self) -> Option<&str> {
        self.time_zone.as_deref()
    }

    /// `Intl.<kind>` (`DateTimeFormat`, `NumberFormat`) for this language
    /// (`lang-CA`: the program's home is Canada) with `options`; `None` if
    /// the platform refuses them.
    fn intl(&self, kind: &str, options: &[(&str, &str)]) -> Option<js_sys::Function> {
        use wasm_bindgen::JsValue;
        let o = js_sys::Object::new();
        for (k, v) in options {
            js_sys::Reflect::set(&o, &JsValue::from_str(k), &JsValue::from_str(v)).ok()?;
        }
        let locales = js_sys::Array::of1(&JsValue::from_str(&format!("{}-CA", self.lang)));
        let ctor: js_sys::Function =
            js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("Intl"))
                .and_then(|intl| js_sys::Reflect::get(&intl, &JsValue::from_str(kind)))
                .ok()?
                .into();
        let format = js_sys::Reflect::construct(&ctor, &js_sys::Array::of2(&locales, &o)).ok()?;
        // The `format` getter returns a function bound to its formatter.
        js_sys::Reflect::get(&format, &JsValue::from_str("format"))
            .ok()?
            .dyn_into()
            .ok()
    }

    fn format_ms(&self, ms: f64, options: &[(&str, &str)]) -> Option<String> {
        let f = self.intl("DateTimeFormat", options)?;
        let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
        f.call1(&wasm_bindgen::JsValue::NULL, &date)
            .ok()?
            .as_string()
    }

    /// A calendar date in this language's words and order ("December 7,
    /// 2026", « 7 décembre 2026 »), whatever the time zone.
    pub fn date(&self, d: chrono::NaiveDate) -> String {
        let ms = d
            .and_hms_opt(12, 0, 0)
            .map_or(0.0, |t| t.and_utc().timestamp_millis() as f64);
        self.format_ms(ms, &[("dateStyle", "long"), ("timeZone", "UTC")])
            .unwrap_or_else(|| d.to_string())
    }

    /// The date of a moment in the person's office time zone.
    pub fn date_of(&self, t: chrono::DateTime<chrono::Utc>) -> String {
        let ms = t.timestamp_millis() as f64;
        let mut options = vec![("dateStyle", "long")];
        if let Some(tz) = &self.time_zone {
            options.push(("timeZone", tz));
        }
        self.format_ms(ms, &options)
            .or_else(|| self.format_ms(ms, &[("dateStyle", "long")]))
            .unwrap_or_else(|| t.date_naive().to_string())
    }

    /// A moment as a date and time in the person's office time zone.
    pub fn date_time(&self, t: chrono::DateTime<chrono::Utc>) -> String {
        let ms = t.timestamp_millis() as f64;
        let mut options = vec![("dateStyle", "long"), ("timeStyle", "short")];
        if let Some(tz) = &self.time_zone {
            options.push(("timeZone", tz));
        }
        self.format_ms(ms, &options)
            // A zone the platform does not know: the computer's own.
            .or_else(|| self.format_ms(ms, &[("dateStyle", "long"), ("timeStyle", "short")]))
            .unwrap_or_else(|| t.to_rfc3339())
    }

    /// A moment in a given time zone (an IANA name) rather than the
    /// person's: a class is held in its office's zone, whoever looks at it.
    /// A zone the platform does not know: the person's own, then the
    /// computer's.
    fn format_in(
        &self,
        t: chrono::DateTime<chrono::Utc>,
        time_zone: &str,
        style: (&str, &str),
    ) -> Option<String> {
        let ms = t.timestamp_millis() as f64;
        self.format_ms(ms, &[style, ("timeZone", time_zone)])
            .or_else(|| {
                let own = self.time_zone.as_deref()?;
                self.format_ms(ms, &[style, ("timeZone", own)])
            })
            .or_else(|| self.format_ms(ms, &[style]))
    }

    /// The date of a moment in `time_zone`, with its weekday ("Monday,
    /// December 7, 2026", « lundi 7 décembre 2026 »).
    pub fn date_in(&self, t: chrono::DateTime<chrono::Utc>, time_zone: &str) -> String {
        self.format_in(t, time_zone, ("dateStyle", "full"))
            .unwrap_or_else(|| t.date_naive().to_string())
    }

    /// The time of day of a moment in `time_zone` ("9:30 a.m.", « 9 h 30 »).
    pub fn time_in(&self, t: chrono::DateTime<chrono::Utc>, time_zone: &str) -> String {
        self.format_in(t, time_zone, ("timeStyle", "short"))
            .unwrap_or_else(|| t.format("%H:%M").to_string())
    }

    /// A number in this language's way (a decimal comma in French) with
    /// exactly `digits` decimals; `signed` puts a sign before anything but
    /// zero (+40, −20), for differences and net scores.
    pub fn number(&self, v: f64, digits: u8, signed: bool) -> String {
        let d = digits.to_string();
        let mut options = vec![
            ("minimumFractionDigits", d.as_str()),
            ("maximumFractionDigits", d.as_str()),
        ];
        if signed {
            options.push(("signDisplay", "exceptZero"));
        }
        self.intl("NumberFormat", &options)
            .and_then(|f| {
                f.call1(
                    &wasm_bindgen::JsValue::NULL,
                    &wasm_bindgen::JsValue::from_f64(v),
                )
                .ok()?
                .as_string()
            })
            .unwrap_or_else(|| {
                let digits = usize::from(digits);
                let shown = format!("{:.digits$}", v.abs());
                let zero = shown.chars().all(|c| c == '0' || c == '.');
                match (zero, v < 0.0, signed) {
                    (true, _, _) | (false, false, false) => shown,
                    (false, true, _) => format!("-{shown}"),
                    (false, false, true) => format!("+{shown}"),
                }
            })
    }

    pub fn t(&self, id: &str) -> String {
        self.format(id, None)
    }

    pub fn t_args(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let mut fa = FluentArgs::new();
        for (k, v) in args {
            fa.set(*k, v.clone());
        }
        self.format(id, Some(&fa))
    }

    fn format(&self, id: &str, args: Option<&FluentArgs<'_>>) -> String {
        for bundle in [&self.primary, &self.fallback].into_iter().flatten() {
            if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = vec![];
                return bundle
                    .format_pattern(pattern, args, &mut errors)
                    .into_owned();
            }
        }
        id.to_owned()
    }
}

/// (tag, name in its own language) of every language compiled in.
pub fn offered() -> Vec<(String, String)> {
    let mut langs: Vec<(String, String)> = LOCALES
        .dirs()
        .filter_map(|d| d.path().to_str().map(str::to_owned))
        .filter_map(|tag| {
            let b = bundle(&tag)?;
            let pattern = b.get_message("language-name")?.value()?;
            let name = b.format_pattern(pattern, None, &mut vec![]).into_owned();
            Some((tag, name))
        })
        .collect();
    langs.sort();
    langs
}

pub fn is_offered(tag: &str) -> bool {
    LOCALES.get_file(format!("{tag}/main.ftl")).is_some()
}

/// Today in the computer's own time zone, as `YYYY-MM-DD`.
pub fn local_today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}
