//! Survey results of one course version holding 11,000 responses (goal
//! ≤ 50 ms): the responses read and the group's results computed, with the
//! version before for comparison and the breakdowns by office (40) and by
//! facilitator (200) that managers see. Run: `cargo bench -p mastery-bench --bench surveys`.

use chrono::Utc;
use mastery_api::{Api, Caller, PROGRAM_PACK_ID};
use mastery_bench::{report, timed};
use mastery_types::{CourseId, SurveyAnswer, SurveyResultsRequest};

const RESPONSES: usize = 11_000;

fn main() {
    let dir = tempfile::tempdir().expect("dir");
    let api = Api::open(&dir.path().join("surveys.sqlite3")).expect("api");
    api.load_shipped_pack(Utc::now()).expect("pack");
    let version = mastery_packs::shipped().expect("pack").version;
    let course = CourseId("clients-l1".into());
    // Spread over 40 offices and 200 facilitators, for the managers'
    // breakdowns.
    let offices: Vec<String> = (0..40).map(|o| format!("office-{o}")).collect();
    let facilitators: Vec<mastery_types::PersonId> = (0..200)
        .map(|_| mastery_types::PersonId(uuid::Uuid::now_v7()))
        .collect();
    api.store()
        .write(|tx| {
            for i in 0..RESPONSES {
                let l = |k: usize| SurveyAnswer::Likert(((i * 7 + k * 3) % 5 + 1) as u8);
                let mut a: Vec<(String, SurveyAnswer)> =
                    (1..=5).map(|q| (format!("q0{q}"), l(q))).collect();
                a.push(("q06".into(), SurveyAnswer::Recommend((i % 11) as u8)));
                a.push(("q07".into(), SurveyAnswer::Single("about-right".into())));
                if i % 4 == 0 {
                    a.push((
                        "q09".into(),
                        SurveyAnswer::Text(format!("Comment number {i} about the scenarios.")),
                    ));
                }
                let json = serde_json::to_string(&a).expect("json");
                mastery_store::classes::insert_response(
                    tx,
                    &mastery_store::classes::NewResponse {
                        id: &uuid::Uuid::new_v4().to_string(),
                        survey: "post-class",
                        course: &course,
                        pack_id: PROGRAM_PACK_ID,
                        pack_version: &version,
                        class: None,
                        office: Some(offices[i % offices.len()].as_str()),
                        facilitator: Some(facilitators[i % facilitators.len()]),
                        answers_json: &json,
                    },
                )?;
            }
            Ok(())
        })
        .expect("responses");
    let req = SurveyResultsRequest {
        course,
        version: None,
    };
    let times = timed(20, || {
        api.survey_results(&Caller::LocalOperator, &req)
            .expect("results")
    });
    report(
        &format!("survey results, one course version with {RESPONSES} responses (goal ≤ 50 ms)"),
        &times,
    );
}
