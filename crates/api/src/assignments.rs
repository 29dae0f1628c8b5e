//! Level 2 assignments: the learner submits a written response (with
//! attachments within the pack's size limit); a coach or manager reviews it
//! with the assignment's rubric and accepts it or returns it with comments;
//! a returned assignment is resubmitted. Every step is a fact; the rules
//! (status, resubmission, the rubric's pass rule) are
//! `mastery_domain::assignments`.

use crate::errors::{at_most, new_id, not_found, required_at_most, storage};
use crate::{Api, Caller, Result};
use chrono::{DateTime, Utc};
use mastery_domain::access::Permission;
use mastery_domain::assignments::{self as rules, RubricProblem, SubmitRefusal};
use mastery_domain::facts::Submission;
use mastery_packs::{Pack, Rubric};
use mastery_store::assignments::{self as store, SubmissionRow};
use mastery_types::{
    ApiError, AssignmentView, CourseId, CourseRequest, CriterionScore, CriterionView, Field,
    FileInfo, FormTeamRequest, LocalizedText, PersonId, Problem, ReviewOutcome, ReviewRequest,
    ReviewView, RubricView, SubmissionView, SubmitAssignmentRequest, TeamInfo, Thing,
};

/// A response long enough to be read, short enough to be a response.
const MAX_BODY_CHARS: usize = 20_000;
const MAX_FILES: usize = 3;
const MAX_COMMENT_CHARS: usize = 4_000;

pub(crate) fn rubric_view(r: &Rubric) -> RubricView {
    RubricView {
        id: r.id.clone(),
        title: r.title.clone(),
        min_total_percent: r.min_total_percent,
        min_each: r.min_each,
        criteria: r
            .criteria
            .iter()
            .map(|c| CriterionView {
                id: c.id.clone(),
                title: c.title.clone(),
                drivers: c.drivers.clone(),
                levels: c.levels.clone(),
            })
            .collect(),
    }
}

/// A rubric scoring refusal, in the window's terms.
pub(crate) fn rubric_problem(p: RubricProblem) -> ApiError {
    ApiError::problem(match p {
        RubricProblem::UnknownCriterion(criterion) => Problem::UnknownCriterion { criterion },
        RubricProblem::ScoreOnce(criterion) => Problem::ScoreEachCriterionOnce { criterion },
        RubricProblem::OutOfRange {
            criterion,
            max,
            given,
        } => Problem::ScoreOutOfRange {
            criterion,
            max,
            given,
        },
    })
}

fn html(t: &LocalizedText) -> LocalizedText {
    LocalizedText(
        t.0.iter()
            .map(|(l, md)| {
                (
                    l.clone(),
                    mastery_packs::render_markdown(md, &Default::default()),
                )
            })
            .collect(),
    )
}

/// The title and rubric of an assignment or of the team synthesis.
struct Meta<'p> {
    title: &'p LocalizedText,
    rubric: &'p str,
}

fn assignment_in<'p>(pack: &'p Pack, course: &CourseId, id: &str) -> Option<Meta<'p>> {
    let set = pack.assignments_of(course)?;
    match set.assignments.iter().find(|x| x.id == id) {
        Some(a) => Some(Meta {
            title: &a.title,
            rubric: &a.rubric,
        }),
        None => set
            .team_synthesis
            .as_ref()
            .filter(|t| t.id == id)
            .map(|t| Meta {
                title: &t.title,
                rubric: &t.rubric,
            }),
    }
}

fn submissions_of(rows: &[SubmissionRow]) -> Vec<Submission> {
    rows.iter().map(|r| r.submission.clone()).collect()
}

impl Api {
    fn submission_view(&self, row: SubmissionRow, pack: &Pack) -> Result<SubmissionView> {
        let s = row.submission;
        // Reviewed against the rubric of the version it was submitted on.
        let own = if s.pack_version == pack.version {
            None
        } else {
            self.pack_at(&pack.id, &s.pack_version)?
        };
        let at: &Pack = own.as_deref().unwrap_or(pack);
        let assignment = assignment_in(at, &s.course, &s.assignment);
        let rubric = assignment
            .as_ref()
            .and_then(|a| at.rubric(a.rubric))
            .map(rubric_view);
        let review = s.review.map(|r| ReviewView {
            reviewer: row.reviewer_name.clone().unwrap_or_default(),
            scores: r.scores,
            comment: r.comment,
            accepted: r.outcome == ReviewOutcome::Accepted,
            at: r.at,
        });
        Ok(SubmissionView {
            id: s.id,
            learner: row.author_name,
            course_title: at
                .course(&s.course)
                .map(|c| c.title.clone())
                .unwrap_or_default(),
            course: s.course,
            assignment_title: assignment.map(|a| a.title.clone()).unwrap_or_default(),
            assignment: s.assignment,
            body: s.body,
            submitted_at: s.submitted_at,
            files: s
                .files
                .into_iter()
                .map(|(name, size)| FileInfo { name, size })
                .collect(),
            review,
            rubric,
        })
    }

    /// A Level 2 course's assignments with the learner's submissions.
    pub fn assignments(
        &self,
        caller: &Caller,
        req: &CourseRequest,
        now: DateTime<Utc>,
    ) -> Result<Vec<AssignmentView>> {
        let me = caller.require_person(Permission::ViewOwnLearning)?;
        let view = self.learner_view(me, now)?;
        let (course, _) = view.open_course(&req.course)?;
        let Some(set) = view.pack.assignments_of(&course.id) else {
            return Ok(Vec::new());
        };
        let mine = self.store.read(|c| store::of_person(c, me))?;
        let mut out = Vec::new();
        for a in &set.assignments {
            let subs: Vec<SubmissionRow> = mine
                .iter()
                .filter(|s| s.submission.course == course.id && s.submission.assignment == a.id)
                .cloned()
                .collect();
            let status = rules::status(subs.last().map(|s| &s.submission));
            out.push(AssignmentView {
                id: a.id.clone(),
                title: a.title.clone(),
                brief_html: html(&a.brief),
                max_attachment_mb: set.max_attachment_mb,
                rubric: view.pack.rubric(&a.rubric).map(rubric_view),
                status,
                submissions: subs
                    .into_iter()
                    .map(|s| self.submission_view(s, &view.pack))
                    .collect::<Result<_>>()?,
                team: None,
                is_team_synthesis: false,
            });
        }
        if let Some(t) = &set.team_synthesis {
            let team = self
                .store
                .read(|c| mastery_store::teams::team_of(c, me, &course.id))?;
            let subs: Vec<SubmissionRow> = match &team {
                Some(team) => self
                    .store
                    .read(|c| store::of_team(c, &team.id))?
                    .into_iter()
                    .filter(|s| s.submission.assignment == t.id)
                    .collect(),
                None => Vec::new(),
            };
            out.push(AssignmentView {
                id: t.id.clone(),
                title: t.title.clone(),
                brief_html: html(&t.brief),
                max_attachment_mb: set.max_attachment_mb,
                rubric: view.pack.rubric(&t.rubric).map(rubric_view),
                status: rules::status(subs.last().map(|s| &s.submission)),
                submissions: subs
                    .into_iter()
                    .map(|s| self.submission_view(s, &view.pack))
                    .collect::<Result<_>>()?,
                team: team.map(|t| TeamInfo {
                    name: t.name,
                    members: t.members.into_iter().map(|(_, n)| n).collect(),
                }),
                is_team_synthesis: true,
            });
        }
        Ok(out)
    }

    /// Forms a team for a course's team synthesis: learners of the caller,
    /// each in no other team for that course, as many as the pack allows.
    pub fn form_team(
        &self,
        caller: &Caller,
        req: &FormTeamRequest,
        now: DateTime<Utc>,
    ) -> Result<TeamInfo> {
        let me = caller.require_person(Permission::CoachLearners)?;
        let pack = self.latest_pack()?;
        let t = pack
            .assignments_of(&req.course)
            .and_then(|a| a.team_synthesis.as_ref())
            .ok_or_else(|| not_found(Thing::TeamSynthesis, &req.course))?;
        let name = required_at_most(&req.name, Field::TeamName, 100)?;
        let mut members = req.members.clone();
        members.sort_by_key(|p| p.0);
        members.dedup();
        if members.len() < usize::from(t.min_members) || members.len() > usize::from(t.max_members)
        {
            return Err(ApiError::problem(Problem::TeamSize {
                min: t.min_members,
                max: t.max_members,
                given: members.len(),
            }));
        }
        // The person who forms a team reviews its work: never a member,
        // and every member is one of their learners, in no other team.
        let already = |tx: &mastery_store::Connection,
                       m: PersonId|
         -> mastery_store::Result<Option<ApiError>> {
            let Some(team) = mastery_store::teams::team_of(tx, m, &req.course)? else {
                return Ok(None);
            };
            let who = team
                .members
                .iter()
                .find(|(id, _)| *id == m)
                .map_or_else(String::new, |(_, n)| n.clone());
            Ok(Some(ApiError::problem(Problem::AlreadyInTeam {
                name: who,
                team: team.name,
            })))
        };
        for m in &members {
            if let Some(e) = self.store.read(|c| already(c, *m))? {
                return Err(e);
            }
            self.require_coach_scope(me, *m, now)?;
            self.require_learner(*m)?;
        }
        let id = new_id(now).to_string();
        self.store.write(|tx| {
            // Checked again under the write lock.
            for m in &members {
                if let Some(e) = already(tx, *m)? {
                    return Ok(Err(e));
                }
            }
            mastery_store::teams::form(tx, &id, &req.course, name, me, &members, now)?;
            Ok(Ok(()))
        })??;
        let team = self
            .store
            .read(|c| mastery_store::teams::team_of(c, members[0], &req.course))?
            .ok_or_else(|| storage("the team was not saved"))?;
        Ok(TeamInfo {
            name: team.name,
            members: team.members.into_iter().map(|(_, n)| n).collect(),
        })
    }

    /// Submits (or, after a return, resubmits) an assignment. Refused
    /// while a submission awaits review or once accepted, and for an empty
    /// or oversized response or attachment; nothing is saved then.
    pub fn submit_assignment(
        &self,
        caller: &Caller,
        req: &SubmitAssignmentRequest,
        now: DateTime<Utc>,
    ) -> Result<SubmissionView> {
        use base64::Engine;
        let me = caller.require_person(Permission::ViewOwnLearning)?;
        let view = self.learner_view(me, now)?;
        let (course, _) = view.open_course(&req.course)?;
        let set = view
            .pack
            .assignments_of(&course.id)
            .ok_or_else(|| not_found(Thing::Assignment, &req.assignment))?;
        // The team synthesis is answered like an assignment, for the team.
        let synthesis = set
            .team_synthesis
            .as_ref()
            .filter(|t| t.id == req.assignment);
        let team = match synthesis {
            Some(_) => Some(
                self.store
                    .read(|c| mastery_store::teams::team_of(c, me, &course.id))?
                    .ok_or_else(|| ApiError::problem(Problem::NotInTeamYet))?,
            ),
            None => None,
        };
        let assignment_id = match synthesis {
            Some(t) => t.id.clone(),
            None => set
                .assignments
                .iter()
                .find(|x| x.id == req.assignment)
                .map(|a| a.id.clone())
                .ok_or_else(|| not_found(Thing::Assignment, &req.assignment))?,
        };
        let body = required_at_most(&req.body, Field::Response, MAX_BODY_CHARS)?;
        if req.files.len() > MAX_FILES {
            return Err(ApiError::problem(Problem::TooManyFiles { max: MAX_FILES }));
        }
        let limit = usize::from(set.max_attachment_mb) * 1024 * 1024;
        let too_large = || {
            ApiError::problem(Problem::UploadTooLarge {
                max_mb: u32::from(set.max_attachment_mb),
            })
        };
        let mut files = Vec::new();
        for f in &req.files {
            let name = f.name.trim();
            if name.is_empty() || name.contains(['/', '\\']) || name.chars().count() > 200 {
                return Err(ApiError::problem(Problem::BadFileName {
                    name: f.name.clone(),
                }));
            }
            // Decoding first would allocate an oversized file; base64 is 4/3.
            if f.base64.len() / 4 * 3 > limit + 3 {
                return Err(too_large());
            }
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(f.base64.as_bytes())
                .map_err(|e| {
                    ApiError::problem_with(
                        Problem::FileUnreadable {
                            name: name.to_owned(),
                        },
                        e,
                    )
                })?;
            if bytes.len() > limit {
                return Err(too_large());
            }
            files.push((new_id(now).to_string(), name.to_owned(), bytes));
        }
        let id = new_id(now).to_string();
        let pack = &view.pack;
        let saved = self.store.write(|tx| {
            let mine = match &team {
                Some(team) => store::of_team(tx, &team.id)?,
                None => store::of_person(tx, me)?,
            };
            let latest = rules::latest(&submissions_of(&mine), &course.id, &assignment_id).cloned();
            if let Err(r) = rules::may_submit(latest.as_ref()) {
                return Ok(Err(ApiError::problem(match r {
                    SubmitRefusal::AwaitingReview => Problem::AwaitingReview,
                    SubmitRefusal::AlreadyAccepted => Problem::AlreadyAccepted,
                })));
            }
            store::submit(
                tx,
                &store::NewSubmission {
                    id: &id,
                    person: me,
                    course: &course.id,
                    assignment: &assignment_id,
                    pack_id: &pack.id,
                    pack_version: &pack.version,
                    body,
                    team: team.as_ref().map(|t| t.id.as_str()),
                    at: now,
                },
                &files,
            )?;
            Ok(store::submission(tx, &id)?.ok_or_else(|| storage("the submission was not saved")))
        })??;
        self.submission_view(saved, pack)
    }

    /// Submissions awaiting review, oldest first: only those of learners
    /// in the reviewer's scope, never the reviewer's own.
    pub fn review_queue(&self, caller: &Caller, now: DateTime<Utc>) -> Result<Vec<SubmissionView>> {
        let me = caller.require_person(Permission::CoachLearners)?;
        let pack = self.latest_pack()?;
        let in_scope: std::collections::BTreeSet<PersonId> = self
            .learners_in_scope(me, now)?
            .into_iter()
            .map(|l| l.placement.person)
            .collect();
        let mut out = Vec::new();
        for s in self.store.read(store::unreviewed)? {
            let people = self.submitters(&s.submission)?;
            if people.iter().all(|p| in_scope.contains(p)) {
                out.push(self.submission_view(s, &pack)?);
            }
        }
        Ok(out)
    }

    /// Whose work a submission is: its author, or every member of its team.
    fn submitters(&self, s: &Submission) -> Result<Vec<PersonId>> {
        Ok(match &s.team {
            Some(team) => self
                .store
                .read(|c| mastery_store::teams::member_ids(c, team))?,
            None => vec![s.author],
        })
    }

    /// Scores a submission with its rubric and accepts or returns it.
    /// Accepting needs scores that meet the rubric's pass rule; returning
    /// needs a comment. Nobody reviews their own work.
    pub fn review_submission(
        &self,
        caller: &Caller,
        req: &ReviewRequest,
        now: DateTime<Utc>,
    ) -> Result<SubmissionView> {
        let me = caller.require_person(Permission::CoachLearners)?;
        let pack = self.latest_pack()?;
        let row = self
            .store
            .read(|c| store::submission(c, &req.submission_id))?
            .ok_or_else(|| not_found(Thing::Submission, &req.submission_id))?;
        // Every author in the reviewer's scope (for a team: every member;
        // a member of the team is refused as reviewing themself).
        for person in self.submitters(&row.submission)? {
            self.require_coach_scope(me, person, now)?;
        }
        let s = &row.submission;
        if s.review.is_some() {
            return Err(ApiError::problem(Problem::AlreadyReviewed));
        }
        let at = if s.pack_version == pack.version {
            pack.clone()
        } else {
            self.pack_at(&pack.id, &s.pack_version)?
                .unwrap_or_else(|| pack.clone())
        };
        let rubric = assignment_in(&at, &s.course, &s.assignment)
            .and_then(|a| at.rubric(a.rubric))
            .ok_or_else(|| storage("the submission's rubric is missing from its pack version"))?;
        let scored = rules::score_rubric(rubric, &req.scores).map_err(rubric_problem)?;
        let comment = at_most(&req.comment, Field::Comment, MAX_COMMENT_CHARS)?;
        if req.accept && !scored.passes {
            return Err(ApiError::problem(Problem::RubricNotMet {
                min_total_percent: rubric.min_total_percent,
                min_each: rubric.min_each,
            }));
        }
        if !req.accept && comment.is_empty() {
            return Err(ApiError::problem(Problem::Empty {
                field: Field::Comment,
            }));
        }
        let id = new_id(now).to_string();
        let scores: Vec<CriterionScore> = scored.scores;
        let saved = self.store.write(|tx| {
            store::review(
                tx,
                &store::NewReview {
                    id: &id,
                    submission: &s.id,
                    reviewer: me,
                    scores: &scores,
                    comment,
                    outcome: if req.accept {
                        ReviewOutcome::Accepted
                    } else {
                        ReviewOutcome::Returned
                    },
                    at: now,
                },
            )?;
            store::submission(tx, &s.id)
        })?;
        let saved = saved.ok_or_else(|| storage("the review was not saved"))?;
        self.submission_view(saved, &pack)
    }
}
