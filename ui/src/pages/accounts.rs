//! Administrators: the list of accounts, and a form to add one.

use crate::components::field::TextField;
use crate::components::{error_text, points_at};
use crate::hooks::loaded_view;
use crate::hooks::{action_error, use_action};
use crate::ipc;
use crate::state::{use_app, use_load};
use mastery_types::{ApiError, Field, NewUser, Role};
use web_sys::HtmlInputElement;
use yew::prelude::*;

fn role_key(r: Role) -> String {
    format!("role-{}", r.as_str())
}

#[function_component(AccountsPage)]
pub fn accounts_page() -> Html {
    let state = use_app();
    let t = &state.i18n;
    let reload = use_state(|| 0u32);
    let users = use_load(*reload, |_| ipc::list_users());
    let offices = use_load((), |_| ipc::offices());
    let office = use_state(String::new);
    let manager = use_state(String::new);

    let employee_number = use_state(String::new);
    let name = use_state(String::new);
    let username = use_state(String::new);
    let password = use_state(String::new);
    let roles = use_state(|| vec![Role::Learner]);
    let outcome = use_state(|| None::<Result<String, ApiError>>);
    let busy = use_state(|| false);
    let last_error = match &*outcome {
        Some(Err(e)) => Some(e.clone()),
        _ => None,
    };

    let onsubmit = {
        let busy = busy.clone();
        let (office, manager) = (office.clone(), manager.clone());
        let (employee_number, name, username, password, roles, outcome, reload, lang) = (
            employee_number.clone(),
            name.clone(),
            username.clone(),
            password.clone(),
            roles.clone(),
            outcome.clone(),
            reload.clone(),
            t.lang().to_owned(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            busy.set(true);
            let request = NewUser {
                employee_number: (*employee_number).clone(),
                username: (*username).clone(),
                display_name: (*name).clone(),
                password: (*password).clone(),
                roles: (*roles).clone(),
                language: lang.as_str().into(),
                home_track: None,
                office: Some((*office).clone()).filter(|o| !o.is_empty()),
                manager: manager.parse().ok().map(mastery_types::PersonId),
            };
            let (outcome, reload, password, busy) = (
                outcome.clone(),
                reload.clone(),
                password.clone(),
                busy.clone(),
            );
            let fields = (employee_number.clone(), name.clone(), username.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match ipc::add_user(&request).await {
                    Ok(u) => {
                        outcome.set(Some(Ok(u.display_name)));
                        password.set(String::new());
                        fields.0.set(String::new());
                        fields.1.set(String::new());
                        fields.2.set(String::new());
                        reload.set(*reload + 1);
                    }
                    Err(e) => outcome.set(Some(Err(e))),
                }
                busy.set(false);
            });
        })
    };
    let set = |h: &UseStateHandle<String>| {
        let h = h.clone();
        Callback::from(move |v: String| h.set(v))
    };
    let role_boxes = Role::ALL.into_iter().map(|r| {
        let checked = roles.contains(&r);
        let onchange = {
            let roles = roles.clone();
            Callback::from(move |e: Event| {
                let input: HtmlInputElement = e.target_unchecked_into();
                let mut next: Vec<Role> = (*roles).iter().copied().filter(|x| *x != r).collect();
                if input.checked() {
                    next.push(r);
                    next.sort();
                }
                roles.set(next);
            })
        };
        let id = format!("role-{}", r.as_str());
        html! {
            <label class="check" for={id.clone()}>
                <input type="checkbox" id={id} {checked} {onchange} />{ t.t(&role_key(r)) }
            </label>
        }
    });

    let unlocking = use_action(
        |(person_id, name): (mastery_types::PersonId, String)| async move {
            ipc::unlock_account(&mastery_types::UnlockRequest { person_id })
                .await
                .map(|()| name)
        },
        {
            let reload = reload.clone();
            Callback::from(move |_| reload.set(*reload + 1))
        },
    );
    let unlock = |person_id: mastery_types::PersonId, name: String| {
        let run = unlocking.run.clone();
        Callback::from(move |_| run.emit((person_id, name.clone())))
    };
    let table = loaded_view(t, &users, |list| {
        html! {
            <table class="data">
                <caption>{ t.t_args("accounts-count", &[("count", list.len().into())]) }</caption>
                <thead><tr>
                    <th scope="col">{ t.t("name") }</th>
                    <th scope="col">{ t.t("username") }</th>
                    <th scope="col">{ t.t("employee-number") }</th>
                    <th scope="col">{ t.t("office") }</th>
                    <th scope="col">{ t.t("roles") }</th>
                </tr></thead>
                <tbody>
                    { for list.iter().map(|u| html! {
                        <tr data-username={u.username.to_string()}>
                            <td>{ u.display_name.clone() }
                                if u.locked {
                                    <span class="pill locked">{ t.t("account-locked") }</span>
                                    <button type="button" class="secondary small" onclick={unlock(u.person_id, u.display_name.clone())}
                                        aria-label={t.t_args("accounts-unlock-label", &[("name", u.display_name.clone().into())])}>
                                        { t.t("accounts-unlock") }
                                    </button>
                                }</td>
                            <td>{ u.username.to_string() }</td>
                            <td>{ u.employee_number.to_string() }</td>
                            <td>{ u.org_unit.clone().unwrap_or_default() }</td>
                            <td>{ u.roles.iter().map(|r| t.t(&role_key(*r))).collect::<Vec<_>>().join(", ") }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        }
    });
    let table = html! {
        <>
            { table }
            { action_error(t, &unlocking.error) }
            if let Some(name) = &unlocking.done {
                <p class="ok" role="status" id="unlocked">{ t.t_args("accounts-unlocked", &[("name", name.clone().into())]) }</p>
            }
        </>
    };

    html! {
        <div class="page accounts">
            <div class="page-head"><h1>{ t.t("accounts-title") }</h1></div>
            <div class="split">
                <section class="card" aria-labelledby="add-user-title">
                    <h2 id="add-user-title">{ t.t("add-user-title") }</h2>
                    <form id="add-user-form" {onsubmit} novalidate=true>
                        <TextField id="au-employee-number" invalid={points_at(&last_error, Field::EmployeeNumber)} label={t.t("employee-number")} value={(*employee_number).clone()} on_change={set(&employee_number)} />
                        <TextField id="au-name" invalid={points_at(&last_error, Field::Name)} label={t.t("name")} value={(*name).clone()} on_change={set(&name)} />
                        <TextField id="au-username" invalid={points_at(&last_error, Field::Username)} label={t.t("username")} value={(*username).clone()} on_change={set(&username)}
                            hint={Some(AttrValue::from(t.t("username-hint")))} />
                        <TextField id="au-password" invalid={points_at(&last_error, Field::Password)} label={t.t("password")} kind="password" value={(*password).clone()} on_change={set(&password)}
                            autocomplete={Some(AttrValue::Static("new-password"))} hint={Some(AttrValue::from(t.t("password-hint")))} />
                        <div class="field">
                            <label for="au-office">{ t.t("office") }</label>
                            <select id="au-office" onchange={{
                                let h = office.clone();
                                Callback::from(move |e: Event| { let s: web_sys::HtmlSelectElement = e.target_unchecked_into(); h.set(s.value()); })
                            }}>
                                <option value="" selected={office.is_empty()}>{ t.t("account-no-office") }</option>
                                { for offices.as_ref().and_then(|o| o.as_ref().ok()).into_iter().flatten().map(|o| html! {
                                    <option value={o.id.clone()} selected={*office == o.id}>{ o.name.clone() }</option>
                                }) }
                            </select>
                        </div>
                        <div class="field">
                            <label for="au-manager">{ t.t("account-manager") }</label>
                            <select id="au-manager" onchange={{
                                let h = manager.clone();
                                Callback::from(move |e: Event| { let s: web_sys::HtmlSelectElement = e.target_unchecked_into(); h.set(s.value()); })
                            }}>
                                <option value="" selected={manager.is_empty()}>{ t.t("account-no-manager") }</option>
                                { for users.as_ref().and_then(|u| u.as_ref().ok()).into_iter().flatten()
                                    .filter(|u| u.roles.contains(&Role::Manager))
                                    .map(|u| html! {
                                        <option value={u.person_id.0.to_string()} selected={*manager == u.person_id.0.to_string()}>{ u.display_name.clone() }</option>
                                    }) }
                            </select>
                        </div>
                        <fieldset class="roles">
                            <legend>{ t.t("roles") }</legend>
                            { for role_boxes }
                        </fieldset>
                        { match &*outcome {
                            Some(Ok(who)) => html! { <p class="ok" role="status">{ t.t_args("user-added", &[("name", who.clone().into())]) }</p> },
                            Some(Err(e)) => html! { <p class="error" role="alert">{ error_text(t, e) }</p> },
                            None => html! {},
                        } }
                        <button type="submit" class="primary" disabled={*busy}>{ t.t("add-user-submit") }</button>
                    </form>
                </section>
                <section class="card grow" aria-label={t.t("accounts-title")}>{ table }</section>
            </div>
        </div>
    }
}
