//! A learner's own work: marking lessons done (and resuming), taking a
//! knowledge check under the pack's attempt policy, and the
//! communication-style self-assessment. Every fact names the pack version
//! it was made against; an attempt is scored against the version it was
//! started on, even if a newer one is published meanwhile.

use crate::{errors::new_id, Api, Caller, Result, PROGRAM_PACK_ID};
use chrono::{DateTime, Duration, Utc};
use mastery_domain::access::Permission;
use mastery_packs::{ItemKind, Pack, QuizItem};
use mastery_store::learning;
use mastery_types::{
    Answer, ApiError, AttemptRequest, AttemptResult, AttemptView, CourseId, CourseRequest,
    ErrorCode, ItemFeedback, ItemView, LessonDoneRequest, Option_, PersonId, QuizItemView,
    QuizStatus, SaveAnswerRequest, ScenarioStep, SelfAssessmentView, StyleProfile, StyleRequest,
    StyleScore,
};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

fn invalid(message: String) -> ApiError {
    ApiError::new(ErrorCode::InvalidInput, message)
}

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

fn attempt_id_of(a: &learning::Attempt) -> String {
    a.id.clone()
}

impl Api {
    fn stored_pack(&self, version: &str) -> Result<std::sync::Arc<Pack>> {
        self.pack_at(PROGRAM_PACK_ID, version)?.ok_or_else(|| {
            ApiError::new(
                ErrorCode::Storage,
                format!("pack version {version} is referenced but not stored"),
            )
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
        let view = self.learner_view(me)?;
        let lesson = view.open_lesson(&req.lesson)?;
        self.store.write(|tx| {
            if learning::lessons_done(tx, me, &lesson.course)?.contains(&lesson.id) {
                return Ok(());
            }
            let stamp = learning::Stamp {
                id: new_id(now),
                person: me,
                pack_id: &view.pack.id,
                pack_version: &view.pack.version,
                at: now,
            };
            learning::lesson_event(tx, &stamp, &lesson.course, &lesson.id, "done")
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
            learning::lesson_event(tx, &stamp, course, lesson, "opened")
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
        let view = self.learner_view(me)?;
        let (course, quiz) = view.open_quiz(&req.course)?;
        let attempts = self.store.read(|c| learning::attempts(c, me, &course.id))?;
        Ok(self.status_of(
            &course.id,
            quiz.max_attempts,
            quiz.wait_minutes_between_attempts,
            &attempts,
            now,
        ))
    }

    fn status_of(
        &self,
        course: &CourseId,
        max_attempts: u8,
        wait_minutes: u32,
        attempts: &[learning::Attempt],
        now: DateTime<Utc>,
    ) -> QuizStatus {
        let submitted: Vec<&learning::Attempt> =
            attempts.iter().filter(|a| a.submitted.is_some()).collect();
        let passed = submitted
            .iter()
            .any(|a| a.submitted.as_ref().is_some_and(|s| s.1));
        let best = submitted
            .iter()
            .filter_map(|a| a.submitted.as_ref().map(|s| s.0))
            .max();
        let used = u8::try_from(submitted.len()).unwrap_or(u8::MAX);
        let in_progress = attempts
            .iter()
            .find(|a| a.submitted.is_none())
            .map(attempt_id_of);
        let last = submitted.last().and_then(|a| {
            a.submitted
                .as_ref()
                .and_then(|s| serde_json::from_str::<AttemptResult>(&s.2).ok())
        });
        let wait_until = submitted
            .last()
            .and_then(|a| a.submitted.as_ref())
            .filter(|s| !s.1)
            .map(|s| s.3 + Duration::minutes(i64::from(wait_minutes)))
            .filter(|t| *t > now);
        let can_start = !passed && used < max_attempts && wait_until.is_none();
        QuizStatus {
            course: course.clone(),
            best_percent: best,
            passed,
            attempts_used: used,
            max_attempts,
            in_progress,
            can_start: can_start || attempts.iter().any(|a| a.submitted.is_none()),
            next_attempt_at: wait_until,
            last,
        }
    }

    /// Starts an attempt, or resumes the one in progress with its saved
    /// answers. Refused when the check is passed, no attempt is left, or
    /// the wait after a failed attempt is not over.
    pub fn start_quiz(
        &self,
        caller: &Caller,
        req: &CourseRequest,
        now: DateTime<Utc>,
    ) -> Result<AttemptView> {
        let me = caller.require_person(Permission::ViewOwnLearning)?;
        let view = self.learner_view(me)?;
        let (course, quiz) = view.open_quiz(&req.course)?;
        let (max, wait) = (quiz.max_attempts, quiz.wait_minutes_between_attempts);
        let course_id = course.id.clone();
        let pack = &view.pack;
        let attempt = self.store.write(|tx| {
            let attempts = learning::attempts(tx, me, &course_id)?;
            if let Some(open) = attempts.iter().find(|a| a.submitted.is_none()) {
                return Ok(Ok(open.clone()));
            }
            let status = self.status_of(&course_id, max, wait, &attempts, now);
            if status.passed {
                return Ok(Err(ApiError::new(ErrorCode::Conflict, format!("the knowledge check of {course_id} is already passed"))));
            }
            if status.attempts_used >= max {
                return Ok(Err(ApiError::new(
                    ErrorCode::Conflict,
                    format!("all {max} attempts at the knowledge check of {course_id} are used; speak with your coach"),
                )));
            }
            if let Some(t) = status.next_attempt_at {
                return Ok(Err(ApiError::new(
                    ErrorCode::Conflict,
                    format!("the next attempt may start at {}", t.format("%Y-%m-%d %H:%M UTC")),
                )));
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
            Ok(learning::attempt(tx, &id.to_string())?.ok_or_else(|| {
                ApiError::new(ErrorCode::Storage, "the attempt was not saved")
            }))
        })??;
        self.attempt_view(&attempt)
    }

    fn attempt_view(&self, a: &learning::Attempt) -> Result<AttemptView> {
        let pack = self.stored_pack(&a.pack_version)?;
        let quiz = pack.quiz_of(&a.course).ok_or_else(|| {
            ApiError::new(
                ErrorCode::Storage,
                format!(
                    "pack {} has no knowledge check for {}",
                    a.pack_version, a.course
                ),
            )
        })?;
        let attempts = self.store.read(|c| {
            let person = PersonId(
                a.person
                    .parse()
                    .map_err(|e: uuid::Error| mastery_store::StoreError::Corrupt(e.to_string()))?,
            );
            learning::attempts(c, person, &a.course)
        })?;
        let number = attempts
            .iter()
            .position(|x| x.id == a.id)
            .map_or(1, |p| p + 1);
        let saved = self
            .store
            .read(|c| learning::answers(c, &a.id))?
            .into_iter()
            .filter_map(|(item, json)| {
                serde_json::from_str::<Answer>(&json)
                    .ok()
                    .map(|ans| (item, ans))
            })
            .collect();
        Ok(AttemptView {
            attempt_id: a.id.clone(),
            course: a.course.clone(),
            title: quiz.title.clone(),
            pass_mark: quiz.pass_mark,
            number: u8::try_from(number).unwrap_or(u8::MAX),
            max_attempts: quiz.max_attempts,
            started_at: a.started_at,
            items: quiz.items.iter().map(|i| item_view(i, &a.id)).collect(),
            saved,
        })
    }

    /// The caller's own attempt that is still open, or a clear refusal.
    fn own_open_attempt(
        &self,
        me: PersonId,
        attempt_id: &str,
    ) -> Result<(learning::Attempt, std::sync::Arc<Pack>)> {
        let a = self
            .store
            .read(|c| learning::attempt(c, attempt_id))?
            .filter(|a| a.person == me.0.to_string())
            // Someone else's attempt is "not found": its existence is not
            // the caller's business.
            .ok_or_else(|| {
                ApiError::new(
                    ErrorCode::NotFound,
                    format!("there is no attempt {attempt_id} of yours"),
                )
            })?;
        if a.submitted.is_some() {
            return Err(ApiError::new(
                ErrorCode::Conflict,
                "this attempt is already submitted",
            ));
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
            .ok_or_else(|| invalid(format!("the knowledge check has no item {:?}", req.item_id)))?;
        mastery_packs::score(item, &req.answer).map_err(|e| invalid(e.to_string()))?;
        let json = serde_json::to_string(&req.answer).map_err(|e| invalid(e.to_string()))?;
        self.store
            .write(|tx| learning::save_answer(tx, new_id(now), &a.id, &item.id, &json, now))?;
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
        let quiz = pack.quiz_of(&a.course).ok_or_else(|| {
            ApiError::new(
                ErrorCode::Storage,
                "the attempt's knowledge check is missing",
            )
        })?;
        let saved: BTreeMap<String, Answer> = self
            .store
            .read(|c| learning::answers(c, &a.id))?
            .into_iter()
            .filter_map(|(item, json)| serde_json::from_str(&json).ok().map(|ans| (item, ans)))
            .collect();
        let missing: Vec<&str> = quiz
            .items
            .iter()
            .filter(|i| !saved.contains_key(&i.id))
            .map(|i| i.id.as_str())
            .collect();
        if !missing.is_empty() && !abandon {
            return Err(invalid(format!(
                "{} item(s) are not answered yet: {}",
                missing.len(),
                missing.join(", ")
            )));
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
            let s = mastery_packs::score(item, answer).map_err(|e| invalid(e.to_string()))?;
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
        let attempts = self.store.read(|c| learning::attempts(c, me, &a.course))?;
        let number = attempts
            .iter()
            .position(|x| x.id == a.id)
            .map_or(1, |p| p + 1);
        let used = attempts.iter().filter(|x| x.submitted.is_some()).count() + 1;
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
            abandoned: abandon && !missing.is_empty(),
        };
        let json = serde_json::to_string(&result).map_err(|e| invalid(e.to_string()))?;
        self.store
            .write(|tx| learning::submit(tx, &a.id, percent, passed, &json, now))?;
        Ok(result)
    }

    /// A Level 1 course's self-assessment, with the learner's latest result.
    pub fn self_assessment(
        &self,
        caller: &Caller,
        req: &CourseRequest,
    ) -> Result<SelfAssessmentView> {
        let me = caller.require_person(Permission::ViewOwnLearning)?;
        let view = self.learner_view(me)?;
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
        let Some((json, version, at)) = self
            .store
            .read(|c| learning::latest_style(c, me, assessment))?
        else {
            return Ok(None);
        };
        let pack = self.stored_pack(&version)?;
        let ratings: BTreeMap<String, u8> = serde_json::from_str(&json).map_err(|e| {
            ApiError::new(
                ErrorCode::Storage,
                format!("a stored self-assessment is damaged: {e}"),
            )
        })?;
        let Some(sa) = pack.self_assessment(assessment) else {
            return Ok(None);
        };
        let r = mastery_packs::score_style(sa, &ratings)
            .map_err(|e| ApiError::new(ErrorCode::Storage, e.to_string()))?;
        Ok(Some(style_profile(sa, &r, at)))
    }

    /// Scores and records the learner's answers; returns the profile.
    pub fn submit_self_assessment(
        &self,
        caller: &Caller,
        req: &StyleRequest,
        now: DateTime<Utc>,
    ) -> Result<StyleProfile> {
        let me = caller.require_person(Permission::ViewOwnLearning)?;
        let view = self.learner_view(me)?;
        let (course, sa) = view.open_self_assessment(&req.course)?;
        let r = mastery_packs::score_style(sa, &req.ratings).map_err(|e| invalid(e.to_string()))?;
        let json = serde_json::to_string(&req.ratings).map_err(|e| invalid(e.to_string()))?;
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
