//! Interface strings through Fluent. Languages are data: every folder
//! `locales/<tag>/main.ftl` compiled in is a language the UI offers, named
//! by its own `language-name` message. A message missing in one language
//! falls back to English, then to its id (so a gap is visible, not blank).

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use include_dir::{include_dir, Dir};
use std::rc::Rc;
use unic_langid::LanguageIdentifier;

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

/// The strings of one language, with English behind it.
pub struct I18n {
    lang: String,
    primary: Option<FluentBundle<FluentResource>>,
    fallback: Option<FluentBundle<FluentResource>>,
}

impl PartialEq for I18n {
    fn eq(&self, other: &Self) -> bool {
        self.lang == other.lang
    }
}

impl I18n {
    /// Strings for `lang`, or English when `lang` is not offered.
    pub fn new(lang: &str) -> Rc<I18n> {
        let lang = if is_offered(lang) { lang } else { DEFAULT_LANG };
        Rc::new(I18n {
            lang: lang.to_owned(),
            primary: bundle(lang),
            fallback: bundle(DEFAULT_LANG),
        })
    }

    pub fn lang(&self) -> &str {
        &self.lang
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

    /// A calendar date in this language's words and order ("December 7,
    /// 2026", « 7 décembre 2026 »): the order and the month names are
    /// messages, so a new language brings its own.
    pub fn date(&self, d: chrono::NaiveDate) -> String {
        use chrono::Datelike;
        let month = self.t(&format!("month-{}", d.month()));
        self.t_args(
            "date-long",
            &[
                ("day", d.day().into()),
                ("month", month.into()),
                ("year", d.year().to_string().into()),
            ],
        )
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
