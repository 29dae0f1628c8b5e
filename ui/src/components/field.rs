//! A labelled text input: the label is always visible and tied to the input.

use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    pub on_change: Callback<String>,
    #[prop_or(AttrValue::Static("text"))]
    pub kind: AttrValue,
    #[prop_or_default]
    pub autocomplete: Option<AttrValue>,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
    #[prop_or(true)]
    pub required: bool,
    /// The last error was about this field (sets `aria-invalid`).
    #[prop_or_default]
    pub invalid: bool,
}

#[function_component(TextField)]
pub fn text_field(p: &FieldProps) -> Html {
    let oninput = {
        let cb = p.on_change.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            cb.emit(input.value());
        })
    };
    let hint_id = format!("{}-hint", p.id);
    html! {
        <div class="field">
            <label for={p.id.clone()}>{ p.label.clone() }</label>
            <input
                id={p.id.clone()}
                name={p.id.clone()}
                type={p.kind.clone()}
                value={p.value.clone()}
                autocomplete={p.autocomplete.clone()}
                placeholder={p.placeholder.clone()}
                required={p.required}
                aria-invalid={p.invalid.then_some("true")}
                aria-describedby={p.hint.as_ref().map(|_| hint_id.clone())}
                {oninput}
            />
            if let Some(h) = &p.hint {
                <p class="hint" id={hint_id}>{ h.clone() }</p>
            }
        </div>
    }
}
