//! Administrators: the link with HR. The connection, roster imports with
//! their preview, the status sent to HR, and activation codes for new
//! people, each in a card of its own (the cards live in `components/`).

use crate::components::activation_codes::ActivationCodes;
use crate::components::hr_connection::HrConnection;
use crate::components::hr_delivery::HrDelivery;
use crate::components::roster_import::RosterImport;
use crate::hooks::loaded_view;
use crate::ipc;
use crate::state::{use_app, use_load};
use yew::prelude::*;

#[function_component(HrPage)]
pub fn hr_page() -> Html {
    let state = use_app();
    let t = &state.i18n;
    let reload = use_state(|| 0u32);
    let status = use_load(*reload, |_| ipc::hr_status());
    // The cards stay mounted across reloads (the old status shows until the
    // new one lands), so a preview or fresh codes are not lost by a reload.
    let body = loaded_view(t, &status, |s| {
        html! {
            <>
                <HrConnection settings={s.settings.clone()} reload={reload.clone()} />
                <RosterImport reload={reload.clone()} />
                <HrDelivery status={s.clone()} reload={reload.clone()} />
                <ActivationCodes without_code={s.without_code} reload={reload.clone()} />
            </>
        }
    });
    html! {
        <div class="page hr">
            <div class="page-head">
                <h1>{ t.t("hr-title") }</h1>
                <p class="muted">{ t.t("hr-intro") }</p>
            </div>
            { body }
        </div>
    }
}
