//! The Mastery UI: a Yew (wasm) app. Components render state and send
//! intents to the backend over [`ipc`]; they never decide a business rule.
//! Every string goes through [`i18n`] (Fluent), so each screen exists in
//! every language that has a `locales/<tag>/main.ftl`.

mod app;
mod components;
mod hooks;
mod i18n;
mod ipc;
mod pages;
mod refusals;
mod state;

fn main() {
    yew::Renderer::<app::App>::new().render();
}
