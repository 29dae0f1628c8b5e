//! Level 2 assignments: the learner submits a written response (with
//! attachments within the pack's size limit); a coach or manager reviews it
//! with the assignment's rubric and accepts it or returns it with comments;
//! a returned assignment is resubmitted. Every step is a fact.

use crate::{errors::new_id, Api, Caller, Result};
use chrono::{DateTime, Utc};
use mastery_domain::access::Permission;
use mastery_packs::{Pack, Rubric};
use mastery_store::assignments as store;
use mastery_types::{
    ApiError, AssignmentStatus, AssignmentView, CourseId, CourseRequest, CriterionScore,
    CriterionView, ErrorCode, FileInfo, FormTeamRequest, LocalizedText, PersonId, ReviewRequest,
    ReviewView, RubricView, SubmissionView, SubmitAssignmentRequest, TeamInfo,
};

/// A response long enough to be read, short enough to be a response.
const MAX_BODY_CHARS: usize = 20_000;
const MAX_FILES: usize = 3;
const MAX_COMMENT_CHARS: usize = 4_000;

fn invalid(message: impl Into<String>) -> ApiError {
    ApiError::new(ErrorCode::InvalidInput, message)
}

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

/// The assignment (title, rubric id) a submission answers, in a pack.
/// The title and rubric of an assignment or of the team synthesis.
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

struct Meta<'p> {
    title: &'p LocalizedText,
    rubric: &'p str,
}

fn status_of(latest: Option<&store::Submission>) -> AssignmentStatus {
    match latest.and_then(|s| s.review.as_ref()) {
        None if latest.is_none() => AssignmentStatus::NotStarted,
        None => AssignmentStatus::Submitted,
        Some(r) if r.3 == "accepted" => AssignmentStatus::Accepted,
        Some(_) => AssignmentStatus::Returned,
    }
}

/// Does every assignment of the course have an accepted latest submission?
/// Is the latest team-synthesis submission for the course accepted?
pub(crate) fn synthesis_accepted(
    pack: &Pack,
    course: &CourseId,
    team_subs: &[store::Submission],
) -> bool {
    let Some(t) = pack
        .assignments_of(course)
        .and_then(|a| a.team_synthesis.as_ref())
    else {
        return false;
    };
    status_of(
        team_subs
            .iter()
            .rfind(|s| &s.course == course && s.assignment == t.id),
    ) == AssignmentStatus::Accepted
}

pub(crate) fn all_accepted(pack: &Pack, course: &CourseId, subs: &[store::Submission]) -> bool {
    let Some(a) = pack.assignments_of(course) else {
        return false;
    };
    !a.assignments.is_empty()
        && a.assignments.iter().all(|x| {
            let latest = subs
                .iter()
                .rfind(|s| &s.course == course && s.assignment == x.id);
            status_of(latest) == AssignmentStatus::Accepted
        })
}

/// Checks a rubric scoring (every criterion once, within its levels) and
/// applies the pass rule: `(passes, scores in the rubric's order)`.
pub(crate) fn check_scores(
    rubric: &Rubric,
    given: &[CriterionScore],
) -> Result<(bool, Vec<CriterionScore>)> {
    for sc in given {
        if !rubric.criteria.iter().any(|c| c.id == sc.criterion) {
            return Err(invalid(format!(
                "the rubric has no criterion {:?}",
                sc.criterion
            )));
        }
    }
    let mut scores = Vec::new();
    let (mut total, mut max, mut lowest) = (0u32, 0u32, u8::MAX);
    for c in &rubric.criteria {
        let n = u8::try_from(c.levels.len()).unwrap_or(u8::MAX);
        let given: Vec<&CriterionScore> = given.iter().filter(|s| s.criterion == c.id).collect();
        let [sc] = given.as_slice() else {
            return Err(invalid(format!("score the criterion {:?} once", c.id)));
        };
        if sc.score < 1 || sc.score > n {
            return Err(invalid(format!(
                "the score for {:?} must be 1 to {n}, not {}",
                c.id, sc.score
            )));
        }
        total += u32::from(sc.score);
        max += u32::from(n);
        lowest = lowest.min(sc.score);
        scores.push((*sc).clone());
    }
    let passes = max > 0
        && total * 100 >= u32::from(rubric.min_total_percent) * max
        && lowest >= rubric.min_each;
    Ok((passes, scores))
}

impl Api {
    fn submission_view(&self, s: store::Submission, pack: &Pack) -> Result<SubmissionView> {
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
        let review = match s.review {
            None => None,
            Some((reviewer, scores, comment, outcome, when)) => Some(ReviewView {
                reviewer,
                scores: serde_json::from_str(&scores).map_err(|e| {
                    ApiError::new(
                        ErrorCode::Storage,
                        format!("a stored review is damaged: {e}"),
                    )
                })?,
                comment,
                accepted: outcome == "accepted",
                at: when,
            }),
        };
        Ok(SubmissionView {
            id: s.id,
            learner: s.person_name,
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
    pub fn assignments(&self, caller: &Caller, req: &CourseRequest) -> Result<Vec<AssignmentView>> {
        let me = caller.require_person(Permission::ViewOwnLearning)?;
        let view = self.learner_view(me)?;
        let (course, _) = view.open_course(&req.course)?;
        let Some(set) = view.pack.assignments_of(&course.id) else {
            return Ok(Vec::new());
        };
        let mine = self.store.read(|c| store::of_person(c, me))?;
        let mut out = Vec::new();
        for a in &set.assignments {
            let subs: Vec<store::Submission> = mine
                .iter()
                .filter(|s| s.course == course.id && s.assignment == a.id)
                .cloned()
                .collect();
            let status = status_of(subs.last());
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
            let subs: Vec<store::Submission> = match &team {
                Some(team) => self
                    .store
                    .read(|c| store::of_team(c, &team.id))?
                    .into_iter()
                    .filter(|s| s.assignment == t.id)
                    .collect(),
                None => Vec::new(),
            };
            out.push(AssignmentView {
                id: t.id.clone(),
                title: t.title.clone(),
                brief_html: html(&t.brief),
                max_attachment_mb: set.max_attachment_mb,
                rubric: view.pack.rubric(&t.rubric).map(rubric_view),
                status: status_of(subs.last()),
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

    /// Forms a team for a course's team synthesis: learners, each in no
    /// other team for that course, as many as the pack allows.
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
            .ok_or_else(|| {
                ApiError::new(
                    ErrorCode::NotFound,
                    format!("course {} has no team synthesis", req.course),
                )
            })?;
        let name = req.name.trim();
        if name.is_empty() || name.chars().count() > 100 {
            return Err(invalid("give the team a name (up to 100 characters)"));
        }
        let mut members = req.members.clone();
        members.sort_by_key(|p| p.0);
        members.dedup();
        if members.len() < usize::from(t.min_members) || members.len() > usize::from(t.max_members)
        {
            return Err(invalid(format!(
                "a team has {} to {} members, not {}",
                t.min_members,
                t.max_members,
                members.len()
            )));
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
                .find(|(id, _)| *id == m.0.to_string())
                .map_or("someone", |(_, n)| n.as_str())
                .to_owned();
            Ok(Some(invalid(format!(
                "{who} is already in the team {:?} for this course",
                team.name
            ))))
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
            .ok_or_else(|| ApiError::new(ErrorCode::Storage, "the team was not saved"))?;
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
        let view = self.learner_view(me)?;
        let (course, _) = view.open_course(&req.course)?;
        let set = view.pack.assignments_of(&course.id).ok_or_else(|| {
            ApiError::new(
                ErrorCode::NotFound,
                format!("course {} has no assignments", course.id),
            )
        })?;
        // The team synthesis is answered like an assignment, for the team.
        let synthesis = set
            .team_synthesis
            .as_ref()
            .filter(|t| t.id == req.assignment);
        let team = match synthesis {
            Some(_) => Some(
                self.store
                    .read(|c| mastery_store::teams::team_of(c, me, &course.id))?
                    .ok_or_else(|| {
                        invalid(
                            "you are not in a team for this course yet; your coach forms the teams",
                        )
                    })?,
            ),
            None => None,
        };
        let synthesis_as_assignment = synthesis.map(|t| mastery_packs::Assignment {
            id: t.id.clone(),
            rubric: t.rubric.clone(),
            title: t.title.clone(),
            brief: t.brief.clone(),
        });
        let a = synthesis_as_assignment
            .as_ref()
            .or_else(|| set.assignments.iter().find(|x| x.id == req.assignment))
            .ok_or_else(|| {
                ApiError::new(
                    ErrorCode::NotFound,
                    format!(
                        "course {} has no assignment {:?}",
                        course.id, req.assignment
                    ),
                )
            })?;
        let body = req.body.trim();
        if body.is_empty() {
            return Err(invalid("write your response before submitting"));
        }
        if body.chars().count() > MAX_BODY_CHARS {
            return Err(invalid(format!(
                "the response is longer than {MAX_BODY_CHARS} characters; attach a file instead"
            )));
        }
        if req.files.len() > MAX_FILES {
            return Err(invalid(format!("attach at most {MAX_FILES} files")));
        }
        let limit = usize::from(set.max_attachment_mb) * 1024 * 1024;
        let mut files = Vec::new();
        for f in &req.files {
            let name = f.name.trim();
            if name.is_empty() || name.contains(['/', '\\']) || name.chars().count() > 200 {
                return Err(invalid(format!("{:?} is not a usable file name", f.name)));
            }
            // Decoding first would allocate an oversized file; base64 is 4/3.
            if f.base64.len() / 4 * 3 > limit + 3 {
                return Err(invalid(format!(
                    "{name} is larger than the {} MB allowed per file",
                    set.max_attachment_mb
                )));
            }
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(f.base64.as_bytes())
                .map_err(|e| invalid(format!("{name} could not be read: {e}")))?;
            if bytes.len() > limit {
                return Err(invalid(format!(
                    "{name} is larger than the {} MB allowed per file",
                    set.max_attachment_mb
                )));
            }
            files.push((new_id(now).to_string(), name.to_owned(), bytes));
        }
        let id = new_id(now).to_string();
        let pack = &view.pack;
        let saved = self.store.write(|tx| {
            let mine = match &team {
                Some(team) => store::of_team(tx, &team.id)?,
                None => store::of_person(tx, me)?
                    .into_iter()
                    .filter(|s| s.team_id.is_none())
                    .collect(),
            };
            let latest = mine
                .iter()
                .rfind(|s| s.course == course.id && s.assignment == a.id);
            match status_of(latest) {
                AssignmentStatus::Submitted => {
                    return Ok(Err(ApiError::new(
                        ErrorCode::Conflict,
                        "this assignment already awaits review",
                    )))
                }
                AssignmentStatus::Accepted => {
                    return Ok(Err(ApiError::new(
                        ErrorCode::Conflict,
                        "this assignment is already accepted",
                    )))
                }
                AssignmentStatus::NotStarted | AssignmentStatus::Returned => {}
            }
            store::submit(
                tx,
                &store::NewSubmission {
                    id: &id,
                    person: me,
                    course: &course.id,
                    assignment: &a.id,
                    pack_id: &pack.id,
                    pack_version: &pack.version,
                    body,
                    team: team.as_ref().map(|t| t.id.as_str()),
                    at: now,
                },
                &files,
            )?;
            Ok(store::submission(tx, &id)?
                .ok_or_else(|| ApiError::new(ErrorCode::Storage, "the submission was not saved")))
        })??;
        self.submission_view(saved, pack)
    }

    /// Submissions awaiting review, oldest first: only those of learners
    /// in the reviewer's scope, never the reviewer's own.
    pub fn review_queue(&self, caller: &Caller, now: DateTime<Utc>) -> Result<Vec<SubmissionView>> {
        let me = caller.require_person(Permission::CoachLearners)?;
        let pack = self.latest_pack()?;
        let in_scope: std::collections::BTreeSet<String> = self
            .learners_in_scope(me, now)?
            .into_iter()
            .map(|l| l.placement.person.0.to_string())
            .collect();
        let mut out = Vec::new();
        for s in self.store.read(store::unreviewed)? {
            let people = self.submitters(&s)?;
            if people.iter().all(|p| in_scope.contains(p)) {
                out.push(self.submission_view(s, &pack)?);
            }
        }
        Ok(out)
    }

    /// Whose work a submission is: its author, or every member of its team.
    fn submitters(&self, s: &store::Submission) -> Result<Vec<String>> {
        Ok(match &s.team_id {
            Some(team) => self
                .store
                .read(|c| mastery_store::teams::member_ids(c, team))?,
            None => vec![s.person_id.clone()],
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
        let s = self
            .store
            .read(|c| store::submission(c, &req.submission_id))?
            .ok_or_else(|| {
                ApiError::new(
                    ErrorCode::NotFound,
                    format!("there is no submission {}", req.submission_id),
                )
            })?;
        // Every author in the reviewer's scope (for a team: every member;
        // a member of the team is refused as reviewing themself).
        for person in self.submitters(&s)? {
            let id = crate::certification::person_id(&person)?;
            self.require_coach_scope(me, id, now)?;
        }
        if s.review.is_some() {
            return Err(ApiError::new(
                ErrorCode::Conflict,
                "this submission is already reviewed",
            ));
        }
        let at = if s.pack_version == pack.version {
            pack.clone()
        } else {
            self.pack_at(&pack.id, &s.pack_version)?
                .unwrap_or_else(|| pack.clone())
        };
        let rubric = assignment_in(&at, &s.course, &s.assignment)
            .and_then(|a| at.rubric(a.rubric))
            .ok_or_else(|| {
                ApiError::new(
                    ErrorCode::Storage,
                    "the submission's rubric is missing from its pack version",
                )
            })?;
        let (passes, scores) = check_scores(rubric, &req.scores)?;
        let comment = req.comment.trim();
        if comment.chars().count() > MAX_COMMENT_CHARS {
            return Err(invalid(format!(
                "the comment is longer than {MAX_COMMENT_CHARS} characters"
            )));
        }
        if req.accept && !passes {
            return Err(invalid(format!(
                "these scores do not meet the rubric's pass rule ({} % of the maximum, no criterion below {}); return it with comments instead",
                rubric.min_total_percent, rubric.min_each
            )));
        }
        if !req.accept && comment.is_empty() {
            return Err(invalid("say what to improve when returning an assignment"));
        }
        let json = serde_json::to_string(&scores).map_err(|e| invalid(e.to_string()))?;
        let id = new_id(now).to_string();
        let saved = self.store.write(|tx| {
            store::review(
                tx,
                &store::NewReview {
                    id: &id,
                    submission: &s.id,
                    reviewer: me,
                    scores_json: &json,
                    comment,
                    outcome: if req.accept { "accepted" } else { "returned" },
                    at: now,
                },
            )?;
            store::submission(tx, &s.id)
        })?;
        let saved =
            saved.ok_or_else(|| ApiError::new(ErrorCode::Storage, "the review was not saved"))?;
        self.submission_view(saved, &pack)
    }
}
