//! Sanitized HTML from the backend (a lesson, a brief, a preview), with its
//! links kept out of the app's window: a click on a web link asks the
//! person first, showing the full address, and then opens it in the
//! system's browser; any other link does nothing. (The shell's navigation
//! guard refuses to leave the app whatever happens here.)

use crate::components::error_text;
use crate::ipc;
use crate::state::use_app;
use mastery_types::ApiError;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ProseProps {
    /// HTML already sanitized by the backend.
    pub html: AttrValue,
    #[prop_or_default]
    pub id: Option<AttrValue>,
}

/// The address of the link a click landed in, if any.
fn clicked_link(e: &MouseEvent) -> Option<String> {
    let target = e.target()?.dyn_into::<web_sys::Element>().ok()?;
    let link = target.closest("a[href]").ok()??;
    link.get_attribute("href")
}

#[function_component(Prose)]
pub fn prose(p: &ProseProps) -> Html {
    let state = use_app();
    let t = &state.i18n;
    let asking = use_state(|| None::<String>);
    let error = use_state(|| None::<ApiError>);
    let onclick = {
        let (asking, error) = (asking.clone(), error.clone());
        Callback::from(move |e: MouseEvent| {
            let Some(href) = clicked_link(&e) else {
                return;
            };
            e.prevent_default();
            error.set(None);
            let web = href.starts_with("https://") || href.starts_with("http://");
            asking.set(web.then_some(href));
        })
    };
    let open = {
        let (asking, error) = (asking.clone(), error.clone());
        Callback::from(move |_| {
            let Some(url) = (*asking).clone() else {
                return;
            };
            let (asking, error) = (asking.clone(), error.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match ipc::open_link(&url).await {
                    Ok(()) => asking.set(None),
                    Err(e) => error.set(Some(e)),
                }
            });
        })
    };
    let stay = {
        let asking = asking.clone();
        Callback::from(move |_| asking.set(None))
    };
    // The question takes the focus so a keyboard user meets it at once.
    let dialog_ref = use_node_ref();
    {
        let dialog_ref = dialog_ref.clone();
        use_effect_with((*asking).clone(), move |a| {
            if a.is_some() {
                if let Some(el) = dialog_ref.cast::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    }
    html! {
        <>
            <div class="prose" id={p.id.clone()} {onclick}>{ Html::from_html_unchecked(p.html.clone()) }</div>
            if let Some(url) = &*asking {
                <div class="link-confirm" role="alertdialog" aria-labelledby="link-confirm-title"
                     aria-describedby="link-confirm-url" tabindex="-1" ref={dialog_ref} id="link-confirm">
                    <p id="link-confirm-title"><strong>{ t.t("link-confirm-title") }</strong></p>
                    <p class="link-address" id="link-confirm-url">{ url.clone() }</p>
                    <p class="muted">{ t.t("link-confirm-help") }</p>
                    if let Some(e) = &*error {
                        <p class="error" role="alert">{ error_text(t, e) }</p>
                    }
                    <div class="actions">
                        <button type="button" class="primary" id="link-open" onclick={open}>{ t.t("link-open") }</button>
                        <button type="button" class="secondary" id="link-stay" onclick={stay}>{ t.t("link-stay") }</button>
                    </div>
                </div>
            }
        </>
    }
}
