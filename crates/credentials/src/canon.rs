//! JSON-LD to canonical N-Quads (RDFC-1.0), fully offline: the contexts a
//! credential may name are compiled in, and any other is refused by name.

use crate::CredentialError;
use json_ld::syntax::Parse;
use json_ld::{IriBuf, JsonLdProcessor, RemoteDocument};
use std::collections::HashMap;
use std::sync::OnceLock;

/// The contexts known offline, by the exact URL a credential uses.
const CONTEXTS: &[(&str, &str)] = &[
    (
        "https://www.w3.org/ns/credentials/v2",
        include_str!("../contexts/credentials-v2.jsonld"),
    ),
    (
        "https://w3id.org/security/data-integrity/v1",
        include_str!("../contexts/data-integrity-v1.jsonld"),
    ),
    (
        "https://w3id.org/security/data-integrity/v2",
        include_str!("../contexts/data-integrity-v2.jsonld"),
    ),
    (
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        include_str!("../contexts/ob-v3p0-context-3.0.3.json"),
    ),
    (
        "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json",
        include_str!("../contexts/ob-v3p0-extensions.json"),
    ),
];

type Loader = HashMap<IriBuf, RemoteDocument>;

fn loader() -> Result<&'static Loader, CredentialError> {
    static LOADER: OnceLock<Result<Loader, String>> = OnceLock::new();
    LOADER
        .get_or_init(|| {
            CONTEXTS
                .iter()
                .map(|(url, text)| {
                    let iri = IriBuf::new((*url).to_owned()).map_err(|e| format!("{url}: {e}"))?;
                    let (value, _) = json_ld::syntax::Value::parse_str(text)
                        .map_err(|e| format!("context {url}: {e}"))?;
                    let mime = "application/ld+json".parse().ok();
                    Ok((iri.clone(), RemoteDocument::new(Some(iri), mime, value)))
                })
                .collect()
        })
        .as_ref()
        .map_err(|e| CredentialError::Context(e.clone()))
}

fn to_ox_id(id: &json_ld::rdf_types::Id) -> oxrdf::Subject {
    match id {
        json_ld::rdf_types::Id::Iri(i) => oxrdf::NamedNode::new_unchecked(i.as_str()).into(),
        json_ld::rdf_types::Id::Blank(b) => oxrdf::BlankNode::new_unchecked(b.suffix()).into(),
    }
}

const XSD_STRING: &str = "http://www.w3.org/2001/XMLSchema#string";

fn to_ox_term(t: &json_ld::rdf_types::Term) -> oxrdf::Term {
    use json_ld::rdf_types::{LiteralType, Term};
    match t {
        Term::Id(id) => match to_ox_id(id) {
            oxrdf::Subject::NamedNode(n) => n.into(),
            oxrdf::Subject::BlankNode(b) => b.into(),
            #[allow(unreachable_patterns)]
            _ => oxrdf::Literal::new_simple_literal("").into(),
        },
        Term::Literal(l) => match &l.type_ {
            LiteralType::Any(dt) if dt.as_str() == XSD_STRING => {
                oxrdf::Literal::new_simple_literal(l.value.clone()).into()
            }
            LiteralType::Any(dt) => oxrdf::Literal::new_typed_literal(
                l.value.clone(),
                oxrdf::NamedNode::new_unchecked(dt.as_str()),
            )
            .into(),
            LiteralType::LangString(tag) => {
                oxrdf::Literal::new_language_tagged_literal_unchecked(l.value.clone(), tag.as_str())
                    .into()
            }
        },
    }
}

/// The RDFC-1.0 canonical N-Quads of a JSON-LD document. Terms the
/// document's contexts do not define are an error, not silently dropped:
/// otherwise a field could be changed without changing the signed data.
pub fn canonical_nquads(doc: &serde_json::Value) -> Result<String, CredentialError> {
    let text = serde_json::to_string(doc).map_err(|e| CredentialError::Malformed(e.to_string()))?;
    let (value, _) = json_ld::syntax::Value::parse_str(&text)
        .map_err(|e| CredentialError::Malformed(e.to_string()))?;
    let input = RemoteDocument::new(None, None, value);
    let options = json_ld::Options {
        rdf_direction: Some(json_ld::rdf::RdfDirection::I18nDatatype),
        expansion_policy: json_ld::expansion::Policy {
            invalid: json_ld::expansion::Action::Reject,
            vocab: json_ld::expansion::Action::Keep,
            allow_undefined: false,
        },
        ..Default::default()
    };
    let loader = loader()?;
    let mut rdf = futures::executor::block_on(input.to_rdf_using(
        json_ld::rdf_types::generator::Blank::new(),
        loader,
        options,
    ))
    .map_err(|e| CredentialError::JsonLd(e.to_string()))?;
    let quads: Vec<oxrdf::Quad> = rdf
        .cloned_quads()
        .map(|json_ld::rdf_types::Quad(s, p, o, g)| {
            let predicate = match &p {
                json_ld::rdf_types::Id::Iri(i) => oxrdf::NamedNode::new_unchecked(i.as_str()),
                json_ld::rdf_types::Id::Blank(b) => oxrdf::NamedNode::new_unchecked(b.as_str()),
            };
            let graph = match &g {
                None => oxrdf::GraphName::DefaultGraph,
                Some(json_ld::rdf_types::Id::Iri(i)) => {
                    oxrdf::NamedNode::new_unchecked(i.as_str()).into()
                }
                Some(json_ld::rdf_types::Id::Blank(b)) => {
                    oxrdf::BlankNode::new_unchecked(b.suffix()).into()
                }
            };
            oxrdf::Quad::new(to_ox_id(&s), predicate, to_ox_term(&o), graph)
        })
        .collect();
    rdf_canon::canonicalize_quads(&quads)
        .map_err(|e| CredentialError::Canonicalization(e.to_string()))
}
