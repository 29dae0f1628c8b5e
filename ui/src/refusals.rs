//! Every refusal the backend can give, in the person's language: the
//! window translates the typed `Problem` (or, for an error without one, its
//! code) and never shows the English detail the backend keeps for logs.
//! Message ids built here at run time (`field-…`, `thing-…`,
//! `requirement-…`, `driver-…`) are checked against every locale by
//! `tests/repo.rs`. Roster rows refused at an HR import, the fields an
//! import changes and their values are said here too, and so are the
//! refusals of survey answers and the points of the survey's scale.

use crate::i18n::I18n;
use mastery_types::{
    ApiError, Field, Missing, Problem, RosterField, RowRef, RowRefusal, SurveyAnswerProblem, Thing,
    Track,
};

pub fn field_name(t: &I18n, f: Field) -> String {
    t.t(&format!("field-{}", f.as_str()))
}

pub fn thing_name(t: &I18n, th: Thing) -> String {
    t.t(&format!("thing-{}", th.as_str()))
}

/// What is missing for a certification, in a phrase.
pub fn missing_text(t: &I18n, m: &Missing) -> String {
    match m {
        Missing::CourseIncomplete { .. } => t.t("cert-missing-course"),
        Missing::Requirement { key, .. } => t.t(&format!("requirement-{}", key.as_str())),
        Missing::PriorLevel { level } => {
            t.t_args("cert-missing-prior", &[("level", level.get().into())])
        }
        Missing::CourseLocked { .. } => t.t("cert-missing-locked"),
    }
}

fn list(t: &I18n, missing: &[Missing]) -> String {
    missing
        .iter()
        .map(|m| missing_text(t, m))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// Why an archive is refused, in a phrase.
fn archive_reason(t: &I18n, r: &mastery_types::ArchiveReason) -> String {
    use mastery_types::ArchiveReason::*;
    let p = |id: &str, path: &str| t.t_args(id, &[("path", path.to_owned().into())]);
    match r {
        NotAnArchive => t.t("archive-not-an-archive"),
        NoRecord => t.t("archive-no-record"),
        BadRecord => t.t("archive-bad-record"),
        NewerFormat { format } => t.t_args("archive-newer-format", &[("format", (*format).into())]),
        Missing { path } => p("archive-missing", path),
        Extra { path } => p("archive-extra", path),
        Altered { path } => p("archive-altered", path),
        Damaged { path } => p("archive-damaged", path),
        NotPackFile { path } => p("archive-not-pack-file", path),
        TooLarge { max_mb } => t.t_args("archive-too-large", &[("max", (*max_mb).into())]),
        HashMismatch => t.t("archive-hash-mismatch"),
        PackMismatch { record, manifest } => t.t_args(
            "archive-pack-mismatch",
            &[
                ("record", record.clone().into()),
                ("manifest", manifest.clone().into()),
            ],
        ),
        InvalidPack { errors } => t.t_args("archive-invalid-pack", &[("errors", (*errors).into())]),
    }
}

/// One refusal, in the person's language.
pub fn problem_text(t: &I18n, p: &Problem) -> String {
    use Problem::*;
    let f = |fl: &Field| field_name(t, *fl);
    let s = |v: &str| -> fluent_bundle::FluentValue<'static> { v.to_owned().into() };
    match p {
        Empty { field } => t.t_args("problem-empty", &[("field", f(field).into())]),
        TooLong { field, max } => t.t_args(
            "problem-too-long",
            &[("field", f(field).into()), ("max", (*max).into())],
        ),
        OutOfRange {
            field,
            min,
            max,
            given,
        } => t.t_args(
            "problem-out-of-range",
            &[
                ("field", f(field).into()),
                ("min", (*min).into()),
                ("max", (*max).into()),
                ("given", (*given).into()),
            ],
        ),
        NotAChoice { field, .. } => t.t_args("problem-not-a-choice", &[("field", f(field).into())]),
        DateInFuture { field } => t.t_args("problem-date-in-future", &[("field", f(field).into())]),
        DateTooOld { field, days } => t.t_args(
            "problem-date-too-old",
            &[("field", f(field).into()), ("days", (*days).into())],
        ),
        DateInPast { field, today } => t.t_args(
            "problem-date-in-past",
            &[("field", f(field).into()), ("today", t.date(*today).into())],
        ),
        DateTooFar { field, days } => t.t_args(
            "problem-date-too-far",
            &[("field", f(field).into()), ("days", (*days).into())],
        ),
        NotADate { field } => t.t_args("problem-not-a-date", &[("field", f(field).into())]),
        EndsBeforeStart => t.t("problem-ends-before-start"),
        PasswordTooShort { min } => {
            t.t_args("problem-password-too-short", &[("min", (*min).into())])
        }
        PasswordIsUsername => t.t("problem-password-is-username"),
        UsernameCharacter { character } => {
            t.t_args("problem-username-character", &[("character", s(character))])
        }
        NoRole => t.t("problem-no-role"),
        BadLanguage { tag } => t.t_args("problem-bad-language", &[("tag", s(tag))]),
        EmployeeNumberTaken { number } => {
            t.t_args("problem-employee-number-taken", &[("number", s(number))])
        }
        UsernameTaken { username } => {
            t.t_args("problem-username-taken", &[("username", s(username))])
        }
        AlreadySetUp => t.t("problem-already-set-up"),
        LockedFor { minutes } => t.t_args("problem-locked-for", &[("minutes", (*minutes).into())]),
        UploadTooLarge { max_mb } => {
            t.t_args("problem-upload-too-large", &[("max", (*max_mb).into())])
        }
        TooManyFiles { max } => t.t_args("problem-too-many-files", &[("max", (*max).into())]),
        BadFileName { name } => t.t_args("problem-bad-file-name", &[("name", s(name))]),
        FileUnreadable { name } => t.t_args("problem-file-unreadable", &[("name", s(name))]),
        NotFound { thing, .. } => t.t_args(
            "problem-not-found",
            &[("thing", thing_name(t, *thing).into())],
        ),
        NotYourLearner { name } => t.t_args("problem-not-your-learner", &[("name", s(name))]),
        NotYourStaff { name } => t.t_args("problem-not-your-staff", &[("name", s(name))]),
        NotForYourself => t.t("problem-not-for-yourself"),
        CourseLockedFor { name, course } => t.t_args(
            "problem-course-locked-for",
            &[("name", s(name)), ("course", s(course.get(t.lang())))],
        ),
        CourseLocked { course, missing } => t.t_args(
            "problem-course-locked",
            &[
                ("course", s(course.get(t.lang()))),
                (
                    "missing",
                    missing
                        .iter()
                        .map(|m| m.get(t.lang()).to_owned())
                        .collect::<Vec<_>>()
                        .join(" · ")
                        .into(),
                ),
            ],
        ),
        QuizAlreadyPassed => t.t("problem-quiz-already-passed"),
        NoAttemptsLeft { max } => t.t_args("problem-no-attempts-left", &[("max", (*max).into())]),
        WaitUntil { at } => t.t_args("problem-wait-until", &[("at", t.date_time(*at).into())]),
        AttemptAlreadySubmitted => t.t("problem-attempt-already-submitted"),
        UnansweredItems { count } => {
            t.t_args("problem-unanswered-items", &[("count", (*count).into())])
        }
        AnswerDoesNotFit { .. } => t.t("problem-answer-does-not-fit"),
        AnswerIncomplete { .. } => t.t("problem-answer-incomplete"),
        NoDriverRated => t.t("problem-no-driver-rated"),
        DriverRatedTwice { driver } => t.t_args(
            "problem-driver-rated-twice",
            &[("driver", t.t(&format!("driver-{}", driver.as_str())).into())],
        ),
        EvidenceMissing { driver } => t.t_args(
            "problem-evidence-missing",
            &[("driver", t.t(&format!("driver-{}", driver.as_str())).into())],
        ),
        AlreadyResponded => t.t("problem-already-responded"),
        AwaitingReview => t.t("problem-awaiting-review"),
        AlreadyAccepted => t.t("problem-already-accepted"),
        AlreadyReviewed => t.t("problem-already-reviewed"),
        UnknownCriterion { .. } => t.t("problem-unknown-criterion"),
        ScoreEachCriterionOnce { .. } => t.t("problem-score-each-criterion-once"),
        ScoreOutOfRange { max, given, .. } => t.t_args(
            "problem-score-out-of-range",
            &[("max", (*max).into()), ("given", (*given).into())],
        ),
        RubricNotMet {
            min_total_percent,
            min_each,
        } => t.t_args(
            "problem-rubric-not-met",
            &[
                ("percent", (*min_total_percent).into()),
                ("each", (*min_each).into()),
            ],
        ),
        TeamSize { min, max, given } => t.t_args(
            "problem-team-size",
            &[
                ("min", (*min).into()),
                ("max", (*max).into()),
                ("given", (*given).into()),
            ],
        ),
        AlreadyInTeam { name, team } => t.t_args(
            "problem-already-in-team",
            &[("name", s(name)), ("team", s(team))],
        ),
        NotInTeamYet => t.t("problem-not-in-team-yet"),
        NotEligible { missing } => t.t_args(
            "problem-not-eligible",
            &[("missing", list(t, missing).into())],
        ),
        NoLongerEligible { name, missing } => t.t_args(
            "problem-no-longer-eligible",
            &[("name", s(name)), ("missing", list(t, missing).into())],
        ),
        AlreadyRequested => t.t("problem-already-requested"),
        CertifiedUntil { until } => t.t_args(
            "problem-certified-until",
            &[("until", t.date_time(*until).into())],
        ),
        AlreadyDecided => t.t("problem-already-decided"),
        NoManagerOnRecord { name } => {
            t.t_args("problem-no-manager-on-record", &[("name", s(name))])
        }
        NotTheirApprover { name } => t.t_args("problem-not-their-approver", &[("name", s(name))]),
        NotApproved => t.t("problem-not-approved"),
        AlreadyRevoked => t.t("problem-already-revoked"),
        DelegationTooLong => t.t("problem-delegation-too-long"),
        PairingAlreadyExists { coach, learner } => t.t_args(
            "problem-pairing-already-exists",
            &[("coach", s(coach)), ("learner", s(learner))],
        ),
        PairingAlreadyEnded => t.t("problem-pairing-already-ended"),
        PackHasProblems { errors } => {
            t.t_args("problem-pack-has-problems", &[("errors", (*errors).into())])
        }
        VersionNotNewer { latest } => {
            t.t_args("problem-version-not-newer", &[("latest", s(latest))])
        }
        OnlyTheProgramPack => t.t("problem-only-the-program-pack"),
        DraftChanged => t.t("problem-draft-changed"),
        ArchiveRefused { reason } => t.t_args(
            "problem-archive-refused",
            &[("reason", archive_reason(t, reason).into())],
        ),
        HrNotConfigured => t.t("problem-hr-not-configured"),
        BadUrl { given } => t.t_args("problem-bad-url", &[("given", s(given))]),
        // The network's own detail is English and technical: not shown.
        HrUnreachable { .. } => t.t("problem-hr-unreachable"),
        HrRefused { status, detail } => t.t_args(
            "problem-hr-refused",
            &[("status", (*status).into()), ("detail", s(detail))],
        ),
        HrAnswerUnreadable { .. } => t.t("problem-hr-answer-unreadable"),
        HrNoRecord { number } => t.t_args("problem-hr-no-record", &[("number", s(number))]),
        HrEditedThere { .. } => t.t("problem-hr-edited-there"),
        HrDamagedMessage => t.t("problem-hr-damaged-message"),
        NotUtf8 { line } => t.t_args("problem-not-utf8", &[("line", (*line).into())]),
        MissingColumns { columns } => t.t_args(
            "problem-missing-columns",
            &[
                ("count", columns.len().into()),
                ("columns", columns.join(", ").into()),
            ],
        ),
        EmptyRoster => t.t("problem-empty-roster"),
        RosterChanged => t.t("problem-roster-changed"),
        ActivationRefused => t.t("problem-activation-refused"),
        ClassNoCapacity => t.t("problem-class-no-capacity"),
        ClassInThePast => t.t("problem-class-in-the-past"),
        ClassEndsBeforeStart => t.t("problem-class-ends-before-start"),
        ClassTooLong { hours } => t.t_args("problem-class-too-long", &[("hours", (*hours).into())]),
        ClassCancelled => t.t("problem-class-cancelled"),
        ClassStarted => t.t("problem-class-started"),
        ClassNotStarted => t.t("problem-class-not-started"),
        AlreadyEnrolled => t.t("problem-already-enrolled"),
        NotEnrolled => t.t("problem-not-enrolled"),
        NotRunningClass => t.t("problem-not-running-class"),
        NotInClassOffice => t.t("problem-not-in-class-office"),
        SurveyNotDue => t.t("problem-survey-not-due"),
        SurveyAnswer { problem } => survey_answer_text(t, problem),
        NotATime { given } => t.t_args("problem-not-a-time", &[("given", s(given))]),
    }
}

/// Why a survey's answers are refused, in a phrase. The question is named
/// by its id only, which means nothing to a person: the form marks it.
pub fn survey_answer_text(t: &I18n, p: &SurveyAnswerProblem) -> String {
    match p {
        SurveyAnswerProblem::UnknownQuestion { .. } => t.t("survey-problem-unknown-question"),
        SurveyAnswerProblem::AnsweredTwice { .. } => t.t("survey-problem-answered-twice"),
        SurveyAnswerProblem::WrongKind { .. } => t.t("survey-problem-wrong-kind"),
        SurveyAnswerProblem::OutOfScale { min, max, .. } => t.t_args(
            "survey-problem-out-of-scale",
            &[("min", (*min).into()), ("max", (*max).into())],
        ),
        SurveyAnswerProblem::UnknownOption { .. } => t.t("survey-problem-unknown-option"),
        SurveyAnswerProblem::Required { .. } => t.t("survey-problem-required"),
        SurveyAnswerProblem::TooLong { max, .. } => {
            t.t_args("survey-problem-too-long", &[("max", (*max).into())])
        }
    }
}

/// The question a refused survey answer is about, to mark it in the form.
pub fn survey_problem_question(p: &SurveyAnswerProblem) -> &str {
    match p {
        SurveyAnswerProblem::UnknownQuestion { question }
        | SurveyAnswerProblem::AnsweredTwice { question }
        | SurveyAnswerProblem::WrongKind { question }
        | SurveyAnswerProblem::OutOfScale { question, .. }
        | SurveyAnswerProblem::UnknownOption { question, .. }
        | SurveyAnswerProblem::Required { question }
        | SurveyAnswerProblem::TooLong { question, .. } => question.as_str(),
    }
}

/// A point of the five-point agreement scale (1 = strongly disagree), as
/// the survey asks it and its results show it.
pub fn likert_label(t: &I18n, point: u8) -> String {
    t.t(match point {
        1 => "survey-likert-1",
        2 => "survey-likert-2",
        3 => "survey-likert-3",
        4 => "survey-likert-4",
        _ => "survey-likert-5",
    })
}

/// Where a roster row came from: its CSV line, or HR's resource id.
pub fn row_ref_text(t: &I18n, r: &RowRef) -> String {
    match r {
        RowRef::Line(n) => t.t_args("hr-row-line", &[("line", (*n).into())]),
        RowRef::Resource(id) => t.t_args("hr-row-resource", &[("id", id.clone().into())]),
    }
}

/// Why a roster row is not imported, in a phrase.
pub fn row_refusal_text(t: &I18n, r: &RowRefusal) -> String {
    let s = |v: &str| -> fluent_bundle::FluentValue<'static> { v.to_owned().into() };
    match r {
        RowRefusal::MissingEmployeeNumber => t.t("hr-refusal-missing-employee-number"),
        RowRefusal::MissingName => t.t("hr-refusal-missing-name"),
        RowRefusal::DuplicateEmployeeNumber { first } => t.t_args(
            "hr-refusal-duplicate-employee-number",
            &[("first", row_ref_text(t, first).into())],
        ),
        RowRefusal::ManagerLoop { chain } => t.t_args(
            "hr-refusal-manager-loop",
            &[("chain", chain.join(" → ").into())],
        ),
        RowRefusal::UnknownOffice { office } => {
            t.t_args("hr-refusal-unknown-office", &[("office", s(office))])
        }
        RowRefusal::UnknownTimeZone { time_zone } => {
            t.t_args("hr-refusal-unknown-time-zone", &[("zone", s(time_zone))])
        }
        RowRefusal::BadLanguage { value } => {
            t.t_args("hr-refusal-bad-language", &[("value", s(value))])
        }
        RowRefusal::BadTrack { value } => t.t_args("hr-refusal-bad-track", &[("value", s(value))]),
        RowRefusal::BadFlag { column, value } => t.t_args(
            "hr-refusal-bad-flag",
            &[("column", s(column)), ("value", s(value))],
        ),
        RowRefusal::FieldCount { expected, found } => t.t_args(
            "hr-refusal-field-count",
            &[("expected", (*expected).into()), ("found", (*found).into())],
        ),
        RowRefusal::Unreadable { detail } => {
            t.t_args("hr-refusal-unreadable", &[("detail", s(detail))])
        }
        RowRefusal::NotYourself => t.t("hr-refusal-not-yourself"),
    }
}

/// A field a roster import changes, by name.
pub fn roster_field_name(t: &I18n, f: RosterField) -> String {
    t.t(match f {
        RosterField::Name => "hr-field-name",
        RosterField::Office => "hr-field-office",
        RosterField::Manager => "hr-field-manager",
        RosterField::Track => "hr-field-track",
        RosterField::ProgramManager => "hr-field-program-manager",
    })
}

/// An API error in the user's language: its problem if it has one, else
/// the text for its code. The English `message` is never shown.
pub fn error_text(t: &I18n, e: &ApiError) -> String {
    if let Some(p) = &e.problem {
        return problem_text(t, p);
    }
    let id = format!("error-{}", e.code.as_str());
    let text = t.t(&id);
    if text == id {
        t.t("error-unknown")
    } else {
        text
    }
}

/// A track by its short name, as HR lists show it.
pub fn track_name(t: &I18n, track: Track) -> String {
    t.t(match track {
        Track::Clients => "hr-track-clients",
        Track::Colleagues => "hr-track-colleagues",
        Track::Communities => "hr-track-communities",
        Track::Staff => "hr-track-staff",
    })
}

/// A value a roster import changes, in words where it is a code (a track,
/// yes or no); names, offices and employee numbers as they are.
pub fn roster_value(t: &I18n, field: RosterField, value: &str) -> String {
    match (field, value) {
        (_, "") => "—".to_owned(),
        (RosterField::ProgramManager, "yes") => t.t("hr-yes"),
        (RosterField::ProgramManager, "no") => t.t("hr-no"),
        (RosterField::Track, v) => {
            Track::parse(v).map_or_else(|| v.to_owned(), |tr| track_name(t, tr))
        }
        (_, v) => v.to_owned(),
    }
}
