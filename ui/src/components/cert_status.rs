//! A certification's status as a pill, and the periods a person has held.

use crate::i18n::I18n;
use mastery_types::{CertPeriod, CertStatus};
use yew::prelude::*;

pub fn cert_pill(t: &I18n, s: CertStatus) -> Html {
    let class = match s {
        CertStatus::Certified => "pill completed",
        CertStatus::Eligible | CertStatus::Requested => "pill open",
        CertStatus::Expiring | CertStatus::Returned => "pill locked",
        CertStatus::Expired | CertStatus::Revoked => "pill error",
        CertStatus::NotStarted | CertStatus::InProgress => "pill",
    };
    let key = format!("cert-status-{}", s.as_str());
    html! { <span class={class} data-cert-status={s.as_str()}>{ t.t(&key) }</span> }
}

pub fn periods_html(t: &I18n, periods: &[CertPeriod]) -> Html {
    if periods.is_empty() {
        return html! {};
    }
    html! {
        <section class="history" aria-label={t.t("cert-history")}>
            <h4>{ t.t("cert-history") }</h4>
            <ol class="periods">{ for periods.iter().map(|p| html! {
                <li data-period={p.request_id.clone()}>
                    { t.t_args("cert-period", &[
                        ("from", t.date_of(p.valid_from).into()), ("until", t.date_of(p.valid_until).into()),
                        ("by", p.approved_by.clone().into()), ("code", p.verification_code.clone().into()),
                    ]) }
                    if let Some(r) = &p.revoked {
                        <span class="error">{ " · " }{ t.t_args("cert-revoked-by", &[
                            ("by", r.by.clone().into()), ("date", t.date_of(r.at).into()), ("reason", r.reason.clone().into()),
                        ]) }</span>
                    }
                </li>
            }) }</ol>
        </section>
    }
}
