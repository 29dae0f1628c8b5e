//! A learner's own work: marking lessons done (and resuming), taking a
//! knowledge check under the pack's attempt policy, and the
//! communication-style self-assessment. Every fact names the pack version
//! it was made against; an attempt is scored against the version it was
//! started on, even if a newer one is published meanwhile.

use crate::errors::{new_id, not_found, storage};
use crate::{Api, Caller, Result, PROGRAM_PACK_ID};
use chrono::{DateTime, Duration, Utc};
use mastery_domain::access::Permission;
use mastery_domain::facts::QuizAttempt;
use mastery_domain::quiz::{self, QuizGate, QuizRefusal};
use mastery_packs::{ItemKind, Pack, QuizItem};
use mastery_store::learning;
use mastery_types::{
    Answer, ApiError, AttemptRequest, AttemptResult, AttemptView, CourseId, CourseRequest,
    ItemFeedback, ItemView, LessonDoneRequest, LessonEventKind, Option_, PersonId, Problem,
    QuizItemView, QuizStatus, SaveAnswerRequest, ScenarioStep, SelfAssessmentView, StyleProfile,
    StyleRequest, StyleScore, Thing,
};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

/// A stable shuffle for one attempt: the same attempt always shows the same
/// order, a new attempt another.
fn shuffled<T>(items: &mut [T], attempt: &str, id: impl Fn(&T) -> String) {
    items.sort_by_cached_key(|x| Sha256::digest(format!("{attempt}:{}", id(x))));
}

fn option(id: &str, text: &mastery_types::LocalizedText) -> Option_ {
    Option_ {
        id: id.to_owned(),
        text: text.clone(),
    }
}

/// An item without its answer key.
fn item_view(item: &QuizItem, attempt: &str) -> QuizItemView {
    let view = match &item.kind {
        ItemKind::Single { prompt, choices } => ItemView::Single {
            prompt: prompt.clone(),
            choices: choices.iter().map(|c| option(&c.id, &c.text)).collect(),
        },
        ItemKind::Multiple { prompt, choices } => ItemView::Multiple {
            prompt: prompt.clone(),
            choices: choices.iter().map(|c| option(&c.id, &c.text)).collect(),
        },
        ItemKind::TrueFalse { prompt, .. } => ItemView::TrueFalse {
            prompt: prompt.clone(),
        },
        ItemKind::Ordering { prompt, steps, .. } => {
            let mut steps: Vec<Option_> = steps.iter().map(|s| option(&s.id, &s.text)).collect();
            shuffled(&mut steps, attempt, |s| format!("{}/{}", item.id, s.id));
            ItemView::Ordering {
                prompt: prompt.clone(),
                steps,
            }
        }
        ItemKind::Matching { prompt, pairs, .. } => {
            let lefts = pairs.iter().map(|p| option(&p.id, &p.left)).collect();
            let mut rights: Vec<Option_> = pairs.iter().map(|p| option(&p.id, &p.right)).collect();
            shuffled(&mut rights, attempt, |s| format!("{}/{}", item.id, s.id));
            ItemView::Matching {
                prompt: prompt.clone(),
                lefts,
                rights,
            }
        }
        ItemKind::Scenario {
            situation,
            start,
            nodes,
        } => ItemView::Scenario {
            situation: situation.clone(),
            start: start.clone(),
            nodes: nodes
                .iter()
                .map(|n| ScenarioStep {
                    id: n.id.clone(),
                    prompt: n.prompt.clone(),
                    choices: n
                        .choices
                        .iter()
                        .map(|c| (option(&c.id, &c.text), c.next.clone()))
                        .collect(),
                })
                .collect(),
        },
    };
    QuizItemView {
        id: item.id.clone(),
        view,
    }
}

/// A scoring refusal of a malformed answer, in the window's terms.
pub(crate) fn answer_problem(e: &mastery_packs::AnswerError) -> ApiError {
    use mastery_packs::AnswerError::*;
    let problem = match e {
        WrongShape { item, .. } | UnknownChoice { item, .. } => {
            Problem::AnswerDoesNotFit { item: item.clone() }
        }
        Incomplete { item, .. } => Problem::AnswerIncomplete { item: item.clone() },
    };
    ApiError::problem_with(problem, e)
}

fn quiz_refusal(r: QuizRefusal) -> ApiError {
    ApiError::problem(match r {
        QuizRefusal::AlreadyPassed => Problem::QuizAlreadyPassed,
        QuizRefusal::NoAttemptsLeft { max } => Problem::NoAttemptsLeft { max },
        QuizRefusal::WaitUntil(at) => Problem::WaitUntil { at },
    })
}

fn status_of(course: &CourseId, gate: &QuizGate, last: Option<AttemptResult>) -> QuizStatus {
    QuizStatus {
        course: course.clone(),
        best_percent: gate.best_percent,
        passed: gate.passed,
        attempts_used: gate.used,
        max_attempts: gate.max_attempts,
        in_progress: gate.in_progress.clone(),
        can_start: gate.can_start(),
        next_attempt_at: gate.wait_until,
        last,
    }
}

impl Api {
    fn stored_pack(&self, version: &str) -> Result<std::sync::Arc<Pack>> {
        self.pack_at(PROGRAM_PACK_ID, version)?.ok_or_else(|| {
            storage(format!(
                "pack version {version} is referenced but not stored"
            ))
        })
    }

    /// Marks a lesson of an open course done (once; marking again changes
    /// nothing).
    pub fn mark_lesson_done(
        &self,
        caller: &Caller,
        req: &LessonDoneRequest,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let me = caller.require_person(Permission::ViewOwnLearning)?;
        let view = self.learner_view(me, now)?;
        let lesson = view.open_lesson(&req.lesson)?;
        if view.lessons_done(&lesson.course).contains(&lesson.id) {
            return Ok(());
        }
        self.store.write(|tx| {
            let stamp = learning::Stamp {
                id: new_id(now),
                person: me,
                pack_id: &view.pack.id,
                pack_version: &view.pack.version,
                at: now,
            };
            learning::lesson_event(
                tx,
                &stamp,
                &lesson.course,
                &lesson.id,
                LessonEventKind::Done,
            )
        })?;
        Ok(())
    }

    /// Records that a lesson was opened, so the course resumes there.
    pub(crate) fn record_opened(
        &self,
        me: PersonId,
        pack: &Pack,
        course: &CourseId,
        lesson: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        self.store.write(|tx| {
            if learning::last_opened(tx, me, course)?.as_deref() == Some(lesson) {
                return Ok(());
            }
            let stamp = learning::Stamp {
                id: new_id(now),
                person: me,
                pack_id: &pack.id,
                pack_version: &pack.version,
                at: now,
            };
            learning::lesson_event(tx, &stamp, course, lesson, LessonEventKind::Opened)
        })?;
        Ok(())
    }

    /// Where the learner stands on a course's knowledge check.
    pub fn quiz_status(
        &self,
        caller: &Caller,
        req: &CourseRequest,
        now: DateTime<Utc>,
    ) -> Result<QuizStatus> {
        let me = caller.require_person(Permission::ViewOwnLearning)?;
        let view = self.learner_view(me, now)?;
        let (course, _, gate) = view.open_quiz(&req.course)?;
        let last = match &gate.last_attempt {
            Some(id) => self.store.read(|c| learning::result(c, id))?,
            None => None,
        };
        Ok(status_of(&course.id, gate, last))
    }

    /// Starts an attempt, or resumes the one in progress with its saved
    /// answers. Refused when the check is passed, no attempt is left, or
    /// the wait after a failed attempt is not over
    /// (`mastery_domain::quiz::QuizGate::may_start`).
    pub fn start_quiz(
        &self,
        caller: &Caller,
        req: &CourseRequest,
        now: DateTime<Utc>,
    ) -> Result<AttemptView> {
        let me = caller.require_person(Permission::ViewOwnLearning)?;
        let view = self.learner_view(me, now)?;
        let (course, quiz, _) = view.open_quiz(&req.course)?;
        let policy = quiz::Policy {
            max_attempts: quiz.max_attempts,
            wait_minutes: quiz.wait_minutes_between_attempts,
        };
        let course_id = course.id.clone();
        let pack = &view.pack;
        // Decided again under the write lock: two windows starting at once
        // get one attempt.
        let attempt = self.store.write(|tx| {
            let mine: Vec<QuizAttempt> = learning::attempts(tx, me)?
                .into_iter()
                .filter(|a| a.course == course_id)
                .collect();
            if let Some(open) = mine.iter().find(|a| a.submission.is_none()) {
                return Ok(Ok(open.clone()));
            }
            if let Err(r) = quiz::gate(policy, &mine.iter().collect::<Vec<_>>(), now).may_start() {
                return Ok(Err(quiz_refusal(r)));
            }
            let id = new_id(now);
            let stamp = learning::Stamp {
                id,
                person: me,
                pack_id: &pack.id,
                pack_version: &pack.version,
                at: now,
            };
            learning::start_attempt(tx, &stamp, &course_id)?;
            Ok(learning::attempt(tx, &id.to_string())?
                .ok_or_else(|| storage("the attempt was not saved")))
        })??;
        self.attempt_view(&attempt)
    }

    fn attempt_view(&self, a: &QuizAttempt) -> Result<AttemptView> {
        let pack = self.stored_pack(&a.pack_version)?;
        let quiz = pack.quiz_of(&a.course).ok_or_else(|| {
            storage(format!(
                "pack {} has no knowledge check for {}",
                a.pack_version, a.course
            ))
        })?;
        let (attempts, saved) = self.store.read(|c| {
            Ok((
                learning::attempts(c, a.person)?,
                learning::answers(c, &a.id)?,
            ))
        })?;
        let number = attempts
            .iter()
            .filter(|x| x.course == a.course)
            .position(|x| x.id == a.id)
            .map_or(1, |p| p + 1);
        Ok(AttemptView {
            attempt_id: a.id.clone(),
            course: a.course.clone(),
            title: quiz.title.clone(),
            pass_mark: quiz.pass_mark,
            number: u8::try_from(number).unwrap_or(u8::MAX),
            max_attempts: quiz.max_attempts,
            started_at: a.started_at,
            items: quiz.items.iter().map(|i| item_view(i, &a.id)).collect(),
            saved: saved.into_iter().collect(),
        })
    }

    /// The caller's own attempt that is still open, or a clear refusal.
    fn own_open_attempt(
        &self,
        me: PersonId,
        attempt_id: &str,
    ) -> Result<(QuizAttempt, std::sync::Arc<Pack>)> {
        let a = self
            .store
            .read(|c| learning::attempt(c, attempt_id))?
            .filter(|a| a.person == me)
            // Someone else's attempt is "not found": its existence is not
            // the caller's business.
            .ok_or_else(|| not_found(Thing::Attempt, attempt_id))?;
        if a.submission.is_some() {
            return Err(ApiError::problem(Problem::AttemptAlreadySubmitted));
        }
        let pack = self.stored_pack(&a.pack_version)?;
        Ok((a, pack))
    }

    /// Saves one answer of an attempt in progress. Its shape is checked
    /// against the item; whether it is right is not revealed until the
    /// attempt is submitted.
    pub fn save_answer(
        &self,
        caller: &Caller,
        req: &SaveAnswerRequest,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let me = caller.require_person(Permission::ViewOwnLearning)?;
        let (a, pack) = self.own_open_attempt(me, &req.attempt_id)?;
        let item = pack
            .quiz_of(&a.course)
            .and_then(|q| q.items.iter().find(|i| i.id == req.item_id))
            .ok_or_else(|| not_found(Thing::KnowledgeCheckItem, &req.item_id))?;
        mastery_packs::score(item, &req.answer).map_err(|e| answer_problem(&e))?;
        self.store.write(|tx| {
            learning::save_answer(tx, new_id(now), &a.id, &item.id, &req.answer, now)
        })?;
        Ok(())
    }

    /// Submits an attempt: every item must be answered. Scores it against
    /// the pack version it started on and returns feedback on every item.
    pub fn submit_quiz(
        &self,
        caller: &Caller,
        req: &AttemptRequest,
        now: DateTime<Utc>,
    ) -> Result<AttemptResult> {
        let me = caller.require_person(Permission::ViewOwnLearning)?;
        self.finish_attempt(me, &req.attempt_id, false, now)
    }

    /// Ends an attempt in progress without answering everything: it is
    /// scored on the answers saved (an unanswered item earns nothing) and
    /// counts as one of the attempts, so the learner sees clearly what
    /// became of it instead of a silent loss.
    pub fn abandon_quiz(
        &self,
        caller: &Caller,
        req: &AttemptRequest,
        now: DateTime<Utc>,
    ) -> Result<AttemptResult> {
        let me = caller.require_person(Permission::ViewOwnLearning)?;
        self.finish_attempt(me, &req.attempt_id, true, now)
    }

    fn finish_attempt(
        &self,
        me: PersonId,
        attempt_id: &str,
        abandon: bool,
        now: DateTime<Utc>,
    ) -> Result<AttemptResult> {
        let (a, pack) = self.own_open_attempt(me, attempt_id)?;
        let quiz = pack
            .quiz_of(&a.course)
            .ok_or_else(|| storage("the attempt's knowledge check is missing"))?;
        let saved: BTreeMap<String, Answer> = self.store.read(|c| learning::answers(c, &a.id))?;
        let missing = quiz
            .items
            .iter()
            .filter(|i| !saved.contains_key(&i.id))
            .count();
        if missing > 0 && !abandon {
            return Err(ApiError::problem(Problem::UnansweredItems {
                count: missing,
            }));
        }
        let mut items = Vec::new();
        let mut earned = 0.0;
        for item in &quiz.items {
            let prompt = match &item.kind {
                ItemKind::Single { prompt, .. }
                | ItemKind::Multiple { prompt, .. }
                | ItemKind::TrueFalse { prompt, .. }
                | ItemKind::Ordering { prompt, .. }
                | ItemKind::Matching { prompt, .. } => prompt.clone(),
                ItemKind::Scenario { situation, .. } => situation.clone(),
            };
            let Some(answer) = saved.get(&item.id) else {
                items.push(ItemFeedback {
                    item_id: item.id.clone(),
                    prompt,
                    correct: false,
                    earned_percent: 0,
                    feedback: Vec::new(),
                    unanswered: true,
                });
                continue;
            };
            let s = mastery_packs::score(item, answer).map_err(|e| answer_problem(&e))?;
            earned += s.earned;
            items.push(ItemFeedback {
                item_id: item.id.clone(),
                prompt,
                correct: s.correct,
                earned_percent: (s.earned * 100.0).round().clamp(0.0, 100.0) as u8,
                feedback: s.feedback,
                unanswered: false,
            });
        }
        let percent = (earned * 100.0 / quiz.items.len().max(1) as f64)
            .round()
            .clamp(0.0, 100.0) as u8;
        let passed = percent >= quiz.pass_mark;
        let mine: Vec<QuizAttempt> = self
            .store
            .read(|c| learning::attempts(c, me))?
            .into_iter()
            .filter(|x| x.course == a.course)
            .collect();
        let number = mine.iter().position(|x| x.id == a.id).map_or(1, |p| p + 1);
        let used = mine.iter().filter(|x| x.submission.is_some()).count() + 1;
        let attempts_left = if passed {
            0
        } else {
            usize::from(quiz.max_attempts).saturating_sub(used)
        };
        let result = AttemptResult {
            attempt_id: a.id.clone(),
            course: a.course.clone(),
            number: u8::try_from(number).unwrap_or(u8::MAX),
            percent,
            pass_mark: quiz.pass_mark,
            passed,
            items,
            attempts_left: u8::try_from(attempts_left).unwrap_or(0),
            next_attempt_at: (!passed && attempts_left > 0)
                .then(|| now + Duration::minutes(i64::from(quiz.wait_minutes_between_attempts))),
            abandoned: abandon && missing > 0,
        };
        self.store
            .write(|tx| learning::submit(tx, &a.id, &result, now))?;
        Ok(result)
    }

    /// A Level 1 course's self-assessment, with the learner's latest result.
    pub fn self_assessment(
        &self,
        caller: &Caller,
        req: &CourseRequest,
        now: DateTime<Utc>,
    ) -> Result<SelfAssessmentView> {
        let me = caller.require_person(Permission::ViewOwnLearning)?;
        let view = self.learner_view(me, now)?;
        let (_, sa) = view.open_self_assessment(&req.course)?;
        let result = self.latest_style(me, &sa.id)?;
        Ok(SelfAssessmentView {
            id: sa.id.clone(),
            title: sa.title.clone(),
            intro: sa.intro.clone(),
            min: sa.scale.min,
            max: sa.scale.max,
            low: sa.scale.low.clone(),
            high: sa.scale.high.clone(),
            statements: sa
                .statements
                .iter()
                .map(|s| option(&s.id, &s.text))
                .collect(),
            result,
        })
    }

    fn latest_style(&self, me: PersonId, assessment: &str) -> Result<Option<StyleProfile>> {
        let Some(answer) = self
            .store
            .read(|c| learning::latest_style(c, me, assessment))?
        else {
            return Ok(None);
        };
        let pack = self.stored_pack(&answer.pack_version)?;
        let ratings: BTreeMap<String, u8> = serde_json::from_value(answer.ratings)
            .map_err(|e| storage(format!("a stored self-assessment is damaged: {e}")))?;
        let Some(sa) = pack.self_assessment(assessment) else {
            return Ok(None);
        };
        let r = mastery_packs::score_style(sa, &ratings)
            .map_err(|e| storage(format!("a stored self-assessment no longer scores: {e}")))?;
        Ok(Some(style_profile(sa, &r, answer.at)))
    }

    /// Scores and records the learner's answers; returns the profile.
    pub fn submit_self_assessment(
        &self,
        caller: &Caller,
        req: &StyleRequest,
        now: DateTime<Utc>,
    ) -> Result<StyleProfile> {
        let me = caller.require_person(Permission::ViewOwnLearning)?;
        let view = self.learner_view(me, now)?;
        let (course, sa) = view.open_self_assessment(&req.course)?;
        let r = mastery_packs::score_style(sa, &req.ratings).map_err(|e| answer_problem(&e))?;
        let json = serde_json::to_string(&req.ratings)
            .map_err(|e| storage(format!("the answers could not be written: {e}")))?;
        self.store.write(|tx| {
            let stamp = learning::Stamp {
                id: new_id(now),
                person: me,
                pack_id: &view.pack.id,
                pack_version: &view.pack.version,
                at: now,
            };
            learning::style_response(tx, &stamp, &sa.id, &course.id, &json, &r.profile)
        })?;
        Ok(style_profile(sa, &r, now))
    }
}

fn style_profile(
    sa: &mastery_packs::SelfAssessment,
    r: &mastery_packs::StyleResult,
    at: DateTime<Utc>,
) -> StyleProfile {
    let p = sa.profiles.iter().find(|p| p.id == r.profile);
    StyleProfile {
        scores: r
            .scores
            .iter()
            .map(|(id, pct)| StyleScore {
                profile: id.clone(),
                title: sa
                    .profiles
                    .iter()
                    .find(|p| &p.id == id)
                    .map(|p| p.title.clone())
                    .unwrap_or_default(),
                percent: *pct,
            })
            .collect(),
        profile: r.profile.clone(),
        title: p.map(|p| p.title.clone()).unwrap_or_default(),
        description_html: mastery_types::LocalizedText(
            p.map(|p| {
                p.description
                    .0
                    .iter()
                    .map(|(lang, md)| {
                        (
                            lang.clone(),
                            mastery_packs::render_markdown(md, &Default::default()),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default(),
        ),
        answered_at: at,
    }
}
