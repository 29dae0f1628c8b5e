//! Text in several languages. A language is data: a BCP 47 tag such as `en`
//! or `fr`, never an enum variant, so adding Spanish needs no code change.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A BCP 47 language tag, e.g. `en`, `fr`, `es`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct LangTag(pub String);

impl LangTag {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<&str> for LangTag {
    fn from(s: &str) -> Self {
        Self(s.to_owned())
    }
}

/// A learner-visible string in each language a pack carries.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct LocalizedText(pub BTreeMap<String, String>);

impl LocalizedText {
    /// The text in `lang`, else English, else any language present, else "".
    pub fn get(&self, lang: &str) -> &str {
        self.0
            .get(lang)
            .or_else(|| self.0.get("en"))
            .or_else(|| self.0.values().next())
            .map(String::as_str)
            .unwrap_or("")
    }

    pub fn has(&self, lang: &str) -> bool {
        self.0.get(lang).is_some_and(|s| !s.trim().is_empty())
    }
}
