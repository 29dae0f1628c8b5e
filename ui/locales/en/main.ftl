# Mastery interface strings: English.
language-name = English
language-switch-label = Interface language
app-name = Mastery
skip-to-content = Skip to content
loading = Loading…
startup-failed-title = Mastery could not open its data
startup-failed-help = Nothing was changed. Close the app and check the database file, or start Mastery with another one.
welcome-title = Welcome
welcome-no-page = Your account is ready. The tools for your roles arrive in a coming version of Mastery.

nav-label = Main
nav-catalogue = My program
nav-accounts = Accounts
nav-hr = HR connection

sign-in-title = Sign in
sign-in-intro = Use the username and password your administrator gave you.
username = Username
username-hint = Letters, digits, dots, hyphens and underscores.
password = Password
password-hint = At least 10 characters. A short sentence is easy to remember and hard to guess.
sign-in = Sign in
signing-in = Signing in…
sign-out = Sign out

setup-title = Set up Mastery
setup-intro = This database has no accounts yet. Create the first administrator account; the administrator then adds everyone else.
setup-organization = Organization name
setup-name = Your full name
setup-confirm-password = Confirm the password
setup-passwords-differ = The two passwords are not the same.
setup-submit = Create the administrator account
employee-number = Employee number

catalogue-title = My certification program
catalogue-summary = Your courses at a glance
pack-version = version { $version }
your-track = Your track
mastery-level = Mastery Level { $level }
course-open = Open
course-completed = Completed
course-locked = Locked
course-requires = Complete first: { $courses }
course-hours = About { $hours } hours

course-open-button = Open the course
breadcrumb = You are here
course-lessons = { $count ->
    [one] One lesson
   *[other] { $count } lessons
}
check-facts = { $items } questions · pass mark { $pass } % · up to { $attempts } attempts
lesson-position = Lesson { $n } of { $of }
lesson-pager = Lessons
lesson-previous = Previous lesson
lesson-next = Next lesson
lesson-back-to-course = Back to the course
lesson-complete-next = Done, next lesson
lesson-complete-finish = Done, back to the course

accounts-title = Accounts
accounts-count = { $count ->
    [one] One account
   *[other] { $count } accounts
}
add-user-title = Add an account
add-user-submit = Add the account
user-added = { $name } can now sign in.
name = Name
office = Office
roles = Roles
account-locked = locked
role-learner = Learner
role-coach = Coach
role-manager = Manager
role-course_designer = Course designer
role-administrator = Administrator

field-organization = organization name
field-name = name
field-employee_number = employee number
field-username = username
field-password = password
field-roles = roles
field-language = language
problem-empty = Please fill in the { $field }.
problem-too-long = The { $field } is too long: { $max } characters at most.
problem-password-too-short = The password must have at least { $min } characters.
problem-password-is-username = The password must not be the username.
problem-username-character = The username may contain letters, digits, dots, hyphens and underscores, not “{ $character }”.
problem-no-role = Give the account at least one role.
problem-bad-language = “{ $tag }” is not a language Mastery offers.
problem-employee-number-taken = Employee number { $number } is already on file.
problem-username-taken = The username { $username } is already taken.
problem-already-set-up = This database already has accounts. Ask an administrator to create yours.
problem-locked-for = Too many failed attempts. Try again in { $minutes ->
    [one] one minute
   *[other] { $minutes } minutes
}.

error-invalid_credentials = The username or password is incorrect.
error-account_locked = Too many failed attempts. This account is locked for a while.
error-not_signed_in = Your session has ended. Please sign in again.
error-forbidden = Your role does not allow this.
error-invalid_input = Please correct this.
error-not_found = Not found.
error-conflict = This clashes with what is already saved.
error-setup_required = Mastery must be set up first.
error-not_a_database = The data file is not a Mastery database. It was left untouched.
error-schema_too_new = This database was written by a newer Mastery. Install the newer version to open it.
error-invalid_pack = A course pack could not be read.
error-storage = Mastery could not save or read its data; nothing was changed.
error-unavailable = HR did not answer or refused the request. Nothing was changed in Mastery.
error-unknown = Something went wrong. Nothing was changed.

## Course designer
nav-designer = Course design
designer-title = Course design
designer-draft = Working draft
designer-the-draft = The working draft
designer-versions = Versions
designer-version = Version
designer-stored = Stored
designer-by = Published by
designer-shipped = Shipped with Mastery
designer-change-notes = Change notes
designer-draft-of = Draft based on version { $base }, last saved by { $who } on { $when }.
designer-no-draft = No draft is open. A new draft starts from version { $version }.
designer-problem-count = { $errors } error(s), { $warnings } warning(s)
designer-open-draft = Open the draft
designer-start-draft = Start a draft
designer-discard-draft = Discard the draft
designer-compare = Compare versions
designer-from = From
designer-to = To
designer-compare-button = Compare
designer-no-difference = The two versions are the same.
designer-difference-count = { $count ->
    [one] 1 difference
   *[other] { $count } differences
}
designer-change = Change
designer-what = What
designer-which = Which
designer-change-added = Added
designer-change-removed = Removed
designer-change-changed = Changed
designer-what-pack = Program
designer-what-track = Track
designer-what-course = Course
designer-what-lesson = Lesson
designer-what-knowledge-check = Knowledge check
designer-what-quiz-item = Quiz item
designer-what-checklist = Coaching checklist
designer-what-checklist-item = Checklist item
designer-what-self-assessment = Self-assessment
designer-what-profile = Profile
designer-what-statement = Statement
designer-what-rubric = Rubric
designer-what-rubric-criterion = Rubric criterion
designer-what-assignment = Assignment
designer-what-team-synthesis = Team synthesis
designer-what-exam = Validation exam
designer-what-survey = Survey
designer-what-survey-question = Survey question
designer-what-picture = Picture
designer-exchange = Exchange archives
designer-export-which = Version to export
designer-export = Export
designer-exported = Saved as { $what }
designer-import-file = Archive to import (.mpack)
designer-import = Import
designer-imported = Imported { $what }
designer-progress = { $done } of { $total } files checked
designer-back = ← Course design
designer-files = Files of the draft
designer-pick-file = Choose a file on the left to edit it.
designer-unsaved = Unsaved changes
designer-saved = Saved in the draft
designer-save = Save draft
designer-text = Text
designer-preview = What learners will see
designer-file-clean = No problem in this file.
designer-other-problems = { $count } problem(s) in other files
designer-line = line { $line }
designer-error = Error
designer-warning = Warning
designer-publish-title = Publish a new version
designer-new-version = New version number
designer-notes-en = Change notes (English)
designer-notes-fr = Change notes (French)
designer-save-first = Save your changes before publishing.
designer-publish = Publish
file-kind-manifest = Manifest
file-kind-course = Course
file-kind-lesson-en = Lesson (EN)
file-kind-lesson-fr = Lesson (FR)
file-kind-quiz = Knowledge check
file-kind-checklist = Coaching checklist
file-kind-assignments = Assignments
file-kind-exam = Validation exam
file-kind-rubric = Rubric
file-kind-survey = Survey
file-kind-self-assessment = Self-assessment
file-kind-picture = Picture
file-kind-other = File

## Learning: progress, knowledge check, self-assessment
lesson-done = Done
lesson-mark-done = Mark this lesson as done
lesson-marked-done = You marked this lesson as done.
course-progress = Your progress
course-complete = You have completed this course.
course-resume = Resume where you stopped
requirement-lessons = Read every lesson
requirement-knowledge_check = Pass the knowledge check
requirement-self_assessment = Complete the communication-style self-assessment
requirement-coaching = Coaching sessions covering all five drivers, acknowledged
requirement-assignments = Assignments accepted
requirement-team_synthesis = Team synthesis accepted
requirement-validation_exam = Pass the validation exam
requirement-observation = Pass the observed assessment
requirement-portfolio = Portfolio reviewed
requirement-in_class = Attend the course's in-class sessions
course-class-time = Time in class: { $attended } h of { $required } h attended.
course-see-classes = See the classes
requirement-met = (done)
requirement-unmet = (to do)
check-open = Go to the knowledge check
style-card-title = Your communication style
style-card-text = About twenty statements, ten minutes; your result stays private unless you share it.
style-open = Open the self-assessment
quiz-back = Back to the course
quiz-title = Knowledge check
quiz-status-line = Attempts used: { $used } of { $max }. Best score: { $best }.
quiz-already-passed = You have passed this knowledge check.
quiz-wait = You can try again from { $at }.
quiz-start = Start an attempt
quiz-resume = Resume your attempt
quiz-answered = { $answered } of { $total } answered · attempt { $n } of { $max } · each answer is saved as you go
quiz-submit = Submit my answers
quiz-abandon = End this attempt now…
quiz-abandon-title = End this attempt without answering everything?
quiz-abandon-explain = { $unanswered ->
    [one] One question is not answered; it will score nothing.
   *[other] { $unanswered } questions are not answered; they will score nothing.
} The attempt is scored on the answers you saved and counts as attempt { $n } of { $max }.
quiz-abandon-yes = End the attempt and see my score
quiz-abandon-no = Keep answering
quiz-abandoned-note = You ended this attempt before answering every question.
quiz-unanswered = Not answered
quiz-choose-one = Choose one answer
quiz-choose-all = Choose every answer that applies.
quiz-true = True
quiz-false = False
quiz-order-hint = Put the steps in order with the arrow buttons.
quiz-move-up = Move up: { $step }
quiz-move-down = Move down: { $step }
quiz-keep-order = This order is my answer
quiz-choose = Choose…
quiz-scenario-done = You reached the end of this situation.
quiz-scenario-restart = Start the situation again
quiz-result-title = Result of attempt { $n }
quiz-passed = Passed: { $percent } % (pass mark { $pass } %).
quiz-failed = Not passed: { $percent } % (pass mark { $pass } %).
quiz-attempts-left = { $count ->
    [0] No attempt left: speak with your coach.
    [one] 1 attempt left.
   *[other] { $count } attempts left.
}
quiz-wrong = Incorrect
quiz-correct = Correct
quiz-partly = { $percent } % right
style-scale = { $min } = { $low } … { $max } = { $high }
style-rated = { $rated } of { $total } statements rated
style-submit = See my profile
style-your-style = Your communication style
style-chart-label = Your score for each of the four styles
style-again = Answer again

## Coaching
nav-coaching = Coaching
driver-knowledge = Knowledge
driver-timeliness = Timeliness
driver-fairness = Fairness
driver-outcome = Outcome
driver-extra_mile = Going the extra mile
setting-counter = At the counter
setting-phone = On the phone
setting-outreach = Outreach
setting-virtual = Virtual meeting
setting-office = In the office
setting-other = Other
rating-1 = 1 · Not yet
rating-2 = 2 · Developing
rating-3 = 3 · Proficient
rating-4 = 4 · Role model
coaching-title = Coaching
coaching-log-title = Log a coaching session
coaching-learner = Learner
coaching-course = Course
coaching-date = Date
coaching-duration = Duration (minutes)
coaching-setting = Setting
coaching-drivers-hint = Tick each driver you observed, rate it and note what you saw. The course's checklist is shown as a guide.
coaching-rating-for = Rating for { $driver }
coaching-evidence = What you saw
coaching-next-steps = Agreed next steps:
coaching-submit = Log the session
coaching-logged = Session logged for { $name }. They will be asked to acknowledge it.
coaching-logged-title = Sessions you logged ({ $count })
coaching-by = with { $coach }
coaching-minutes = { $minutes } min
coaching-rating = { $rating } / 4
coaching-learner-said = Learner's comment: { $comment }
coaching-awaiting = Awaiting the learner
coaching-acknowledged = Acknowledged
coaching-disputed = Disputed
coaching-mine-title = Your coaching sessions
coaching-none-yet = No coaching session has been logged for this course yet. Your coach logs them after observing you at work.
coaching-comment = Your comment (required to dispute)
coaching-acknowledge = Acknowledge
coaching-dispute = Dispute

## Assignments and reviews
assignments-card-title = Assignments
assignments-card-text = Practical work in your own setting, assessed with a rubric by your coach.
assignments-open = Go to the assignments
assignments-title = Assignments
assignment-not-started = Not started
assignment-submitted = Awaiting review
assignment-returned = Returned: please revise
assignment-accepted = Accepted
assignment-brief = The brief
assignment-submission = Submission { $n } ({ $when })
assignment-response = Your response
assignment-resubmit-label = Your revised response
assignment-files = Attachments (up to 3 files, { $mb } MB each)
assignment-submit = Submit for review
rubric-summary = Rubric: { $title } — pass at { $pass } % with no criterion below { $each }
rubric-criterion = Criterion
review-accepted-by = Accepted by { $who }
review-returned-by = Returned by { $who }
review-queue-title = Assignments to review
review-queue-empty = Nothing awaits your review.
review-comment = Comments for the learner (required to return)
review-score = { $criterion }: { $score }
review-accept = Accept
review-return = Return for revision

## Team and due dates
nav-team = My team
team-title = My team
team-empty = No one reports to you in the organization's structure.
team-nothing-assigned = No course assigned.
team-assign-course = Assign
team-due = due on
team-assign = Assign the course
overview-title = Where each person stands
overview-person = Person
overview-level = L{ $n }
overview-completed = completed
overview-open = { $met } of { $of } requirements met
overview-locked = locked until the level before is completed
overview-legend = ✓ completed · 2/4: open, 2 of its 4 requirements met so far · — locked until the level before is completed
due-title = Assigned to you
due-on = Due { $date }
due-late = Late: was due { $date }
due-done = Completed
due-by = assigned by { $who }

## Observed assessments
observe-title = Record an observed assessment (Level 3)
observe-kind = Kind
observe-kind-observed = Observed by me
observe-kind-secret = Secret shopper
observe-notes = What was observed
observe-submit = Record the assessment
observe-passed = Passed
observe-not-passed = Not passed
observed-mine-title = Observed assessments
observed-none-yet = No observed or secret-shopper assessment has been recorded for this course yet.

## Team synthesis
team-members = Your team, { $name }: { $members }. One submission counts for all of you.
team-none-yet = Your coach forms the teams for the team synthesis; you will see yours here.
team-form-title = Form a team for the team synthesis
team-name = Team name
team-pick = Members ({ $min } to { $max })
team-formed = Team { $name } formed: { $members }.
team-form-submit = Form the team

## Certification
nav-certification = My certification
nav-approvals = Approvals
nav-cert-admin = Certification and audit
cert-title = My certification
cert-intro = Each Mastery Level of a track is certified on its own evidence, approved by your manager, and valid for a set period. Recertification opens 90 days before a certification expires.
cert-own-track = Your track
cert-other-tracks = Other tracks
cert-status-not_started = Not started
cert-status-in_progress = In progress
cert-status-eligible = Eligible
cert-status-requested = Requested
cert-status-returned = Returned
cert-status-certified = Certified
cert-status-expiring = Expiring soon
cert-status-expired = Expired
cert-status-revoked = Revoked
cert-valid-until = Certified until { $date } · verification code { $code }
cert-expiring-until = Expires on { $date }: request recertification now · verification code { $code }
cert-pending = Requested on { $date }; waiting for your manager's decision.
cert-returned-by = Returned by { $by } on { $date }:
cert-still-needed = Still needed:
cert-missing-course = Complete the course
cert-missing-prior = Level { $level } of this track certified
cert-missing-locked = The course is still locked behind the level before it
cert-request = Request certification
cert-download-pdf = Download the certificate (PDF)
cert-download-credential = Download the Open Badge credential
cert-saved = Saved to { $path }
verify-title = Check a credential
verify-intro = Open Badges credentials carry their own proof: the check runs on this computer, without the network, and tells whether the credential is genuine, unchanged, in force and not revoked.
verify-file = Open a credential file
verify-paste = Or paste the credential (JSON)
verify-submit = Check
verify-valid = Valid: genuine, unchanged and in force.
verify-valid-foreign = Genuine and unchanged, but not issued by this organization.
verify-tampered = Not genuine: the credential was changed after it was signed, or the signature is not its issuer's.
verify-expired = Genuine, but expired.
verify-not_yet_valid = Genuine, but not valid yet.
verify-revoked = Genuine, but revoked by the organization.
verify-unreadable = This is not a credential that can be checked.
verify-holder = Holder
verify-achievement = Achievement
verify-issuer = Issuer
verify-issued-here = this organization
verify-other-issuer = The signature is genuine, but the key is not this organization’s: { $issuer }. Anyone can make a key and a name; accept it only if you know this key belongs to the issuer named.
cert-request-again = Request recertification
cert-history = Certification periods
cert-period = { $from } to { $until } · approved by { $by } · { $code }
cert-until = Until
cert-revoked-by = Revoked by { $by } on { $date }: { $reason }
cert-approvals-title = Certification approvals
cert-queue-title = { $count ->
    [0] No request waiting for your decision
    [one] One request waiting for your decision
   *[other] { $count } requests waiting for your decision
}
cert-queue-empty = When someone you manage (or decide for as a delegate) asks to be certified, the request and its evidence appear here.
cert-requested-on = Requested on { $date }
cert-as-delegate = you decide as { $manager }'s delegate
cert-evidence-title = Evidence at the time of the request (program version { $version })
cert-evidence-recorded = The course is recorded as completed (prior learning records).
cert-evidence-quiz = Knowledge check: best score { $best } % (pass mark { $pass } %), { $attempts } attempt(s).
cert-evidence-coaching = Coaching sessions
cert-evidence-reviews = Assignment reviews
cert-evidence-observations = Observed assessments
cert-evidence-prior = Level { $level } of this track certified until { $date }.
cert-passed = passed
cert-not-passed = not passed
cert-reason = Reason (required to return; the learner sees it)
cert-approve = Approve certification
cert-return = Return with this reason
cert-expiring-title = Expiring and expired certifications
cert-expiring-none = No one on your staff has a certification expiring in the next 90 days.
cert-expiring-line = { $name }: { $title } expires on { $date }
cert-expired-line = { $name }: { $title } expired on { $date }
cert-gaps-title = Mandatory levels
cert-gaps-intro = Mastery Levels 1 and 2 are mandatory for entry-level program managers.
cert-gaps-none = Every entry-level program manager in scope holds Levels 1 and 2.
cert-gap = { $count ->
    [one] { $name } is missing Level { $levels }
   *[other] { $name } is missing Levels 1 and 2
}
cert-delegations-title = Delegations
cert-delegate-to = Delegate my approvals to
cert-delegate-from = from
cert-delegate-until = until
cert-delegate-submit = Delegate
cert-delegation-line = { $delegate } decides for { $manager } from { $from } to { $to }
cert-admin-title = Certification and audit
cert-admin-certified = Certifications
cert-admin-validity = A certification is valid for { $months } months.
cert-admin-validity-set = Months a new certification is valid
cert-admin-validity-save = Save
audit-local-operator = the operator (command line or first run)
cert-delegate-incomplete = Choose a person and both dates.
cert-admin-validity-nan = Enter a whole number of months, from 1 to 120.
cert-level = Certification
cert-status = Status
cert-revoke = Revoke
cert-revoke-reason = Reason for the revocation
audit-title = Audit log
audit-intro = Every request, decision, revocation, delegation, role grant and pack publication is written to a hash-chained log. Checking the chain shows whether any row was altered or removed.
audit-verify = Check the chain
audit-intact = The chain is intact: { $rows } rows. Head: { $head }
audit-broken = The chain is broken at row { $seq }: { $problem }
audit-when = When
audit-who = Who
audit-what = What
audit-subject = About

## Who may act on whom
problem-not-your-learner = { $name } is not one of your learners. A coach acts for the learners of their own office, their own staff, and learners their manager has paired with them.
problem-not-your-staff = { $name } is not one of your staff. A manager acts for their own direct reports.
problem-not-for-yourself = Nobody coaches, assesses, reviews or decides for themself.
problem-course-locked-for = “{ $course }” is still locked for { $name }: the earlier levels are not completed yet.
problem-upload-too-large = The file is larger than the { $max } MB allowed.
pairings-title = Coaches paired with your staff
pairings-help = A coach acts for the learners of their own office. To let a coach from another office coach one of your staff, pair them here; the pairing is recorded in the audit log and ends on the date you choose or when you end it.
pairings-none = No coach is paired with your staff.
pairings-coach = Coach
pairings-learner = Staff member
pairings-from = From
pairings-until = Until
pairings-until-optional = Until (optional)
pairings-open-ended = until ended
pairings-actions = Actions
pairings-end = End the pairing
pairings-end-label = End the pairing of { $coach } with { $learner }
pairings-ended = Ended
pairings-pair = Pair
accounts-unlock = Lift the lock
accounts-unlock-label = Lift the sign-in lock of { $name }
accounts-unlocked = The lock is lifted: { $name } can sign in again.
audit-unbacked-title = Rows the audit chain does not vouch for
audit-unbacked-help = These rows were written into the database behind the app's back. They are ignored: the role is not held, the decision does not count. Restore the database from a backup, or ask the person concerned to be granted the role again.
audit-unbacked-role = { $person } — the { $role } role
audit-unbacked-decision = { $person } — a certification decision ({ $outcome })
audit-unbacked-revocation = { $person } — a revocation whose row is missing
audit-unbacked-approved = approved
audit-unbacked-returned = returned
link-confirm-title = Open this address in your web browser?
link-confirm-help = The page opens outside Mastery, in your usual browser. Check that the address is one you expect.
link-open = Open in my browser
link-stay = Stay here
account-no-office = No office yet
account-manager = Manager
account-no-manager = No manager yet

## Fields named in refusals
field-reason = reason
field-comment = comment
field-notes = notes
field-next_steps = agreed next steps
field-evidence = evidence
field-response = response
field-team_name = team name
field-note = note
field-duration = duration
field-rating = rating
field-date = date
field-due_date = due date
field-setting = setting
field-assessment_kind = kind of assessment
field-months = number of months
field-position = reading position
field-version = version number
field-change_notes = change notes
field-file_text = file
field-office = office
field-manager = manager

## What a refusal could not find
thing-person = person
thing-learner = learner
thing-coach = coach
thing-manager_or_coach = manager or coach
thing-office = office
thing-account = account
thing-course = course
thing-lesson = lesson
thing-knowledge_check = knowledge check
thing-knowledge_check_item = question
thing-attempt = attempt
thing-self_assessment = self-assessment
thing-coaching_session = coaching session
thing-assignment = assignment
thing-submission = submission
thing-rubric = rubric
thing-observation_rubric = observation rubric
thing-team_synthesis = team synthesis
thing-certification_request = certification request
thing-certificate = certificate
thing-pairing = pairing
thing-pack = course pack
thing-pack_version = pack version
thing-draft = draft
thing-draft_file = file of the draft
thing-class = class

## Refusals
problem-out-of-range = The { $field } must be between { $min } and { $max }.
problem-not-a-choice = Choose one of the offered values for the { $field }.
problem-date-in-future = The { $field } cannot be in the future.
problem-date-too-old = The { $field } is more than { $days } days ago.
problem-date-in-past = The { $field } is already past (today is { $today }).
problem-date-too-far = The { $field } is more than { $days } days away.
problem-not-a-date = Enter the { $field } as a date.
problem-ends-before-start = The end comes before the start.
problem-too-many-files = Attach at most { $max } files.
problem-bad-file-name = “{ $name }” cannot be used as a file name.
problem-file-unreadable = { $name } could not be read.
problem-not-found = This { $thing } does not exist (or is not yours to see).
problem-course-locked = “{ $course }” opens once you complete: { $missing }.
problem-quiz-already-passed = You have already passed this knowledge check.
problem-no-attempts-left = All { $max } attempts are used. Speak with your coach about what comes next.
problem-wait-until = Your next attempt can start on { $at }.
problem-attempt-already-submitted = This attempt is already submitted.
problem-unanswered-items = { $count ->
    [one] One question is not answered yet.
   *[other] { $count } questions are not answered yet.
}
problem-answer-does-not-fit = This answer does not fit the question. Reload the knowledge check and try again.
problem-answer-incomplete = Answer every part of the question.
problem-no-driver-rated = Rate at least one of the Five Drivers you observed.
problem-driver-rated-twice = { $driver } is rated twice.
problem-evidence-missing = Write the evidence you saw for { $driver }.
problem-already-responded = You have already responded to this session.
problem-awaiting-review = This assignment is already waiting for review.
problem-already-accepted = This assignment is already accepted.
problem-already-reviewed = This submission is already reviewed.
problem-unknown-criterion = A score names a criterion the rubric does not have. Reload the page.
problem-score-each-criterion-once = Score every criterion of the rubric once.
problem-score-out-of-range = A score must be between 1 and { $max }.
problem-rubric-not-met = These scores do not meet the rubric's pass mark ({ $percent } % of the maximum, no criterion below { $each }). Return the work with comments instead.
problem-team-size = A team has { $min } to { $max } members.
problem-already-in-team = { $name } is already in the team “{ $team }” for this course.
problem-not-in-team-yet = You are not in a team for this course yet. Your coach forms the teams.
problem-not-eligible = Not eligible yet. Still needed: { $missing }.
problem-no-longer-eligible = { $name } is no longer eligible. Still needed: { $missing }.
problem-already-requested = A request for this certification is already waiting for a decision.
problem-certified-until = You are certified until { $until }. You can request recertification 90 days before it expires.
problem-already-decided = This request has already been decided.
problem-no-manager-on-record = { $name } has no manager on record. HR must record one before anyone can decide.
problem-not-their-approver = Only { $name }'s own manager, or a delegate that manager named for today, can decide.
problem-not-approved = Only an approved certification can be revoked.
problem-already-revoked = This certification is already revoked.
problem-delegation-too-long = A delegation lasts at most a year.
problem-pairing-already-exists = { $coach } is already paired with { $learner }.
problem-pairing-already-ended = This pairing has already ended.
problem-pack-has-problems = { $errors ->
    [one] The pack has an error. Fix it first.
   *[other] The pack has { $errors } errors. Fix them first.
}
problem-version-not-newer = The new version must be higher than { $latest }.
problem-only-the-program-pack = Only the program's own pack can be designed here.
problem-draft-changed = The draft changed since you opened it. Reload it.
problem-archive-refused = This archive cannot be imported: { $reason }
archive-not-an-archive = it is not a Mastery pack archive, or it is cut short.
archive-no-record = it has no record of its contents; it was not made by an export.
archive-bad-record = its record of contents cannot be read.
archive-newer-format = it was made by a newer Mastery (format { $format }).
archive-missing = { $path } is listed in its record but missing.
archive-extra = { $path } is in it but not in its record (added after export?).
archive-altered = { $path } has been altered since export.
archive-damaged = { $path } is cut short or damaged.
archive-not-pack-file = { $path } is not a file a pack may contain.
archive-too-large = it is larger than { $max } MB once unpacked.
archive-hash-mismatch = its files do not add up to its recorded content hash.
archive-pack-mismatch = its record says pack “{ $record }” but its manifest says “{ $manifest }”.
archive-invalid-pack = { $errors ->
    [one] the pack inside has an error.
   *[other] the pack inside has { $errors } errors.
}

## HR connection
hr-title = HR connection
hr-intro = The roster comes from HR and certification status goes back to HR. People who leave are deactivated, never deleted.
hr-connection-title = Connection
hr-mode = How Mastery exchanges with HR
hr-mode-scim = SCIM service: the roster is read and status is sent automatically
hr-mode-file = Files: the roster is imported as CSV and status is exported as CSV
hr-base-url = SCIM base address
hr-base-url-hint = For example https://hr.example.ca/scim/v2. Needed for SCIM only.
hr-token = Access token
hr-token-hint = Kept by Mastery and never shown again. Leave this empty to keep the current token.
hr-token-set = A token is set — type to replace it
hr-token-not-set = No token yet
hr-interval = Minutes between automatic exchanges
hr-interval-hint = 0: only when you use the buttons on this page. At most 1440 (once a day).
hr-interval-invalid = Enter a whole number of minutes from 0 to 1440.
hr-save = Save the connection
hr-connection-saved = The connection is saved.
hr-test = Test the connection
hr-testing = Testing…
hr-test-hint = The test uses the saved connection: save your changes first.
hr-test-found = HR answered: { $people ->
    [one] 1 person
   *[other] { $people } people
}, { $managed } with a manager.
hr-test-extension-present = Training-status extension: present.
hr-test-extension-absent = Training-status extension: absent.

hr-roster-title = Roster import
hr-roster-intro = Nothing changes until you apply an import you have previewed.
hr-roster-file = Roster file (CSV, UTF-8)
hr-preview-file = Preview this file
hr-preview-scim = Read from HR (SCIM)
hr-previewing = Preparing the preview…
hr-preview-title = What this import would do
hr-preview-rows = { $rows ->
    [one] 1 row read
   *[other] { $rows } rows read
} from { $source }.
hr-source-csv = the CSV file
hr-source-scim = HR (SCIM)
hr-count-added = Added
hr-count-changed = Changed
hr-count-deactivated = Deactivated
hr-count-reactivated = Reactivated
hr-count-refused = Rows refused
hr-count-unresolved = Manager not found
hr-count-unchanged = Unchanged
hr-count-new-offices = New offices
hr-list-added = { $count ->
    [one] 1 person added
   *[other] { $count } people added
}
hr-list-changed = { $count ->
    [one] 1 person changed
   *[other] { $count } people changed
}
hr-list-deactivated = { $count ->
    [one] 1 person deactivated
   *[other] { $count } people deactivated
}
hr-list-reactivated = { $count ->
    [one] 1 person reactivated
   *[other] { $count } people reactivated
}
hr-list-refused = { $count ->
    [one] 1 row refused
   *[other] { $count } rows refused
}
hr-list-unresolved = { $count ->
    [one] 1 person whose manager is not found
   *[other] { $count } people whose manager is not found
}
hr-list-new-offices = { $count ->
    [one] 1 new office
   *[other] { $count } new offices
}
hr-and-more = …and { $count } more.
hr-person = Person
hr-change-field = Field
hr-change-from-to = Before → after
hr-row = Row
hr-reason = Reason
hr-manager-number = Manager's employee number
hr-unresolved-help = These people are imported without a manager: the employee number given as their manager is neither in Mastery nor in this roster.
hr-row-line = line { $line }
hr-row-resource = HR record { $id }
hr-field-name = Name
hr-field-office = Office
hr-field-manager = Manager
hr-field-track = Track
hr-field-program-manager = Entry-level program manager
hr-yes = yes
hr-no = no
hr-refusal-missing-employee-number = No employee number.
hr-refusal-missing-name = No name.
hr-refusal-duplicate-employee-number = This employee number already appears earlier ({ $first }).
hr-refusal-manager-loop = The managers form a loop: { $chain }.
hr-refusal-unknown-office = The office “{ $office }” is unknown to Mastery, and no time zone is given to create it.
hr-refusal-unknown-time-zone = “{ $zone }” is not a time zone Mastery knows.
hr-refusal-bad-language = “{ $value }” is not a language Mastery offers.
hr-refusal-bad-track = “{ $value }” is not a track of the program.
hr-refusal-bad-flag = Column { $column }: “{ $value }” is neither yes nor no.
hr-refusal-field-count = This line has { $found } fields where the header has { $expected }.
hr-refusal-unreadable = This line cannot be read ({ $detail }).
hr-refusal-not-yourself = You cannot deactivate your own account.
hr-apply = Apply this import
hr-applying = Applying…
hr-applied = The import is applied.
hr-import-when = Imported on { $when } from { $source }.

hr-status-title = Status sent to HR
hr-last-import = Last roster import
hr-no-import-yet = No roster has been imported yet.
hr-deliveries = Status messages
hr-waiting = Waiting to be sent
hr-delivered = Delivered
hr-last-delivered = Last delivery
hr-never = never
hr-failing-none = Every message sent so far has reached HR.
hr-failing-count = { $count ->
    [one] 1 message has not reached HR
   *[other] { $count } messages have not reached HR
}
hr-attempts = Attempts
hr-hr-reason = What HR answered
hr-delivery-state = State
hr-next-attempt = Next attempt
hr-parked = Set aside
hr-conflict = Changed at HR
hr-retrying = Will retry
hr-after-retry = when you retry
hr-failing-help = Set aside: Mastery stopped trying until you press “Send now / retry”. Changed at HR: HR's record was edited at HR since Mastery last wrote it; check it with HR before you retry.
hr-sync-now = Send now / retry
hr-sync-done = Sending is done.
hr-sync-queued = { $count ->
    [0] No new status change found.
    [one] 1 new status change queued.
   *[other] { $count } new status changes queued.
}
hr-sync-attempted = { $count ->
    [0] Nothing was waiting to be sent.
    [one] 1 message sent.
   *[other] { $count } messages sent.
}
hr-sync-delivered = { $count ->
    [one] 1 delivered.
   *[other] { $count } delivered.
}
hr-sync-already-applied = { $count ->
    [one] 1 was already recorded at HR.
   *[other] { $count } were already recorded at HR.
}
hr-sync-failed = { $count ->
    [one] 1 failed.
   *[other] { $count } failed.
}
hr-sync-parked = { $count ->
    [one] 1 set aside.
   *[other] { $count } set aside.
}
hr-sync-conflicts = { $count ->
    [one] 1 changed at HR in the meantime.
   *[other] { $count } changed at HR in the meantime.
}
hr-export-status = Export status as CSV
hr-saved = Saved to { $path }
hr-reconcile = Compare with HR
hr-reconcile-same = { $count ->
    [one] 1 person compared: HR agrees with Mastery.
   *[other] { $count } people compared: HR agrees with Mastery.
}
hr-reconcile-differences = { $count ->
    [one] 1 difference
   *[other] { $count } differences
} among { $compared } people compared
hr-in-mastery = In Mastery
hr-at-hr = At HR
hr-no-record = No record at HR
hr-no-certification = No certification
hr-certification = { $track } level { $level }: { $status } until { $until }
hr-track-clients = Clients
hr-track-colleagues = Colleagues
hr-track-communities = Communities
hr-track-staff = Staff
hr-realign = Bring HR back in line
hr-realign-hint = Compares with HR, then queues Mastery's status for everyone HR differs on. Nothing is sent until the next delivery.
hr-realigned = { $count ->
    [0] HR already agrees: nothing to queue.
    [one] 1 status message queued for HR.
   *[other] { $count } status messages queued for HR.
}
hr-progress-reading = { $done } of { $total } read from HR
hr-progress-sending = { $done } of { $total } messages sent
hr-progress-working = Working…

hr-codes-title = Activation codes
hr-codes-intro = A new person signs in the first time with their employee number and a single-use code, then chooses a password. Codes expire.
hr-without-code = { $count ->
    [0] Every new person has an account or a valid code.
    [one] 1 new person has no code yet.
   *[other] { $count } new people have no code yet.
}
hr-codes-create = Create codes
hr-codes-none-needed = No code was needed.
hr-codes-count = { $count ->
    [one] 1 new code
   *[other] { $count } new codes
}
hr-codes-once = These codes are shown only once. Save them as CSV or hand them out before you leave this page.
hr-code = Code
hr-code-expires = Expires
hr-codes-save = Save as CSV

## First sign-in with an activation code
activate-open = First time here? Activate your account
activate-title = Activate your account
activate-intro = Use your employee number and the activation code your administrator gave you, then choose your password.
activate-code = Activation code
activate-code-hint = Ten letters and digits, as given (for example ABCDE-23456).
activate-password = Choose a password
activate-submit = Activate and sign in
activate-busy = Activating…

## HR refusals
problem-hr-not-configured = The connection to HR is not set up: choose SCIM, then save its address and token.
problem-bad-url = “{ $given }” is not a web address starting with https:// or http://.
problem-hr-unreachable = HR could not be reached (no answer in time, or the connection was refused or cut). Check the address and the network, then try again.
problem-hr-refused = HR refused the request (code { $status }): { $detail }
problem-hr-answer-unreadable = HR's answer could not be read as SCIM. Check the address.
problem-hr-no-record = HR has no record of employee number { $number }. Add the person in HR (or correct the number), then retry.
problem-hr-edited-there = This person's training status was changed in HR since Mastery last sent it. Check it with HR; retrying sends Mastery's status over it.
problem-hr-damaged-message = This status message is damaged and cannot be sent.
problem-not-utf8 = Line { $line } is not UTF-8 text. Save the file as “CSV UTF-8” and try again.
problem-missing-columns = { $count ->
    [one] The file lacks the column { $columns }.
   *[other] The file lacks the columns { $columns }.
}
problem-empty-roster = The file is empty: it has no header line.
problem-roster-changed = The roster or the people changed since the preview. Preview again, then apply.
problem-activation-refused = This employee number and activation code do not match a valid code. Codes are single-use and expire; ask your administrator for a new one if needed.

## Classes
nav-classes = Classes
classes-title = Classes
classes-intro = Classes are in-person or virtual sessions of a course. Enrol in one, or join its waiting list when it is full: the first person waiting takes the next seat that frees up.
classes-surveys-title = Surveys to answer
classes-cancelled-title = Cancelled classes
classes-cancelled-notice = “{ $course }” on { $date } was cancelled: { $reason }
classes-cancelled-notice-no-reason = “{ $course }” on { $date } was cancelled.
classes-upcoming-title = Upcoming classes
classes-upcoming-none = No class is scheduled for now.
classes-running-title = Classes you run
class-when-label = When
class-when = { $date }, { $start } – { $end } ({ $zone })
class-place = Place
class-facilitator = Facilitator
class-seats-label = Seats
class-seats = { $capacity ->
    [one] { $taken } of 1 seat taken
   *[other] { $taken } of { $capacity } seats taken
}
class-waiting-label = Waiting list
class-waiting-count = { $count ->
    [0] Nobody waiting
    [one] 1 person waiting
   *[other] { $count } people waiting
}
class-seat-enrolled = You have a seat in this class.
class-seat-waiting = You are number { $position } on the waiting list.
class-enrol = Enrol
class-join-waiting-list = Join the waiting list
class-withdraw = Withdraw
class-take-attendance = Take attendance
class-cancelled = This class is cancelled.
class-cancelled-because = This class is cancelled: { $reason }
roster-title = Class list
roster-attendance-hint = Mark each person present or absent once the class has started.
roster-enrolled = { $count ->
    [0] Nobody enrolled
    [one] 1 person enrolled
   *[other] { $count } people enrolled
}
roster-nobody-enrolled = Nobody is enrolled in this class yet.
roster-attendance = Attendance
roster-attendance-of = Attendance of { $name }
roster-present = Present
roster-absent = Absent
roster-waiting-title = Waiting list
roster-nobody-waiting = Nobody is waiting.
roster-invite-label = Invite a learner you coach
roster-invite-choose = Choose a learner…
roster-invite = Invite
roster-cancel-title = Cancel the class
roster-cancel-reason = Reason for cancelling
roster-cancel-hint = Everyone enrolled or waiting sees this reason. A class can be cancelled until it starts.
roster-cancel = Cancel the class
schedule-title = Schedule a class
schedule-course = Course
schedule-date = Date
schedule-starts = Starts at
schedule-ends = Ends at
schedule-place = Place
schedule-place-hint = A room, or the name or link of a virtual room.
schedule-capacity = Seats
schedule-capacity-invalid = Enter a whole number of seats, 1 or more.
schedule-zone-hint = The date and times are in your office's time zone ({ $zone }). You facilitate the classes you schedule.
schedule-submit = Schedule the class
schedule-done = The class is scheduled.

## Surveys after a class
survey-card-title = “{ $course }”, class of { $date }
survey-card-title-online = “{ $course }”, completed online
survey-anonymous = Your answers are anonymous: they are only ever shown combined with those of at least { $min } people.
survey-required = (required)
survey-likert-1 = Strongly disagree
survey-likert-2 = Disagree
survey-likert-3 = Neither agree nor disagree
survey-likert-4 = Agree
survey-likert-5 = Strongly agree
survey-recommend-low = 0 = Not at all likely
survey-recommend-high = 10 = Extremely likely
survey-choose-all = Choose all that apply.
survey-send = Send my answers
survey-decline = No thanks
survey-thanks = Thank you: your answers are saved.
survey-declined = Understood: this survey will not be asked again.
survey-problem-unknown-question = The survey has changed since this page opened. Reload the page and answer again.
survey-problem-answered-twice = A question is answered twice. Reload the page and answer again.
survey-problem-wrong-kind = An answer does not fit its question. Reload the page and answer again.
survey-problem-out-of-scale = An answer is off the scale: choose from { $min } to { $max }.
survey-problem-unknown-option = A choice is no longer offered. Reload the page and answer again.
survey-problem-required = Answer every question marked required.
survey-problem-too-long = A comment is too long: { $max } characters at most.

## Survey results
nav-survey-results = Survey results
results-title = Survey results
results-intro = What people said of a course's classes, by version of the course. Results appear only for groups large enough that no answer can be traced to a person.
results-course = Course
results-course-option = { $track } — Level { $level }
results-version-label = Version
results-version = Version { $version }
results-version-line = Results for version { $version } of the course.
results-by-office = By office
results-by-facilitator = By facilitator
results-by-office-column = Office
results-by-facilitator-column = Facilitator
results-by-office-none = Completed online (no office recorded)
results-by-facilitator-none = Completed online (no facilitator)
results-breakdown-note = A group with fewer than 5 responses is hidden, and so is any group whose results could be worked out from the others. Comments are never shown by group.
results-breakdown-responses = Responses
results-breakdown-mean = Q{ $n } mean
results-breakdown-net = Net score
results-group-hidden = Hidden: fewer than { $threshold } responses here or in a group it would reveal.
results-suppressed = Results appear once at least { $threshold } people have answered the survey for this version.
results-responses = { $count ->
    [0] No responses
    [one] 1 response
   *[other] { $count } responses
}
results-rate = { $rate } % of the { $asked } people asked
results-legend = Legend
results-no-answers = Nobody answered this question.
results-point = { $label }: { $count } ({ $percent } %)
results-likert-alt = Answers: { $points }.
results-mean = Mean: { $mean } out of 5 ({ $count ->
    [0] no answers
    [one] 1 answer
   *[other] { $count } answers
})
results-score-count = { $score }: { $count }
results-recommend-alt = Answers for each score from 0 to 10: { $scores }.
results-detractors = 0 to 6: detractors
results-passives = 7 or 8: passives
results-promoters = 9 or 10: promoters
results-net = Net score: { $net } ({ $count ->
    [0] no answers
    [one] 1 answer
   *[other] { $count } answers
})
results-net-hint = The percentage of promoters minus the percentage of detractors, from −100 to +100.
results-several-choices = Several choices were allowed, so the shares add up to more than 100 %.
results-count-percent = { $count } ({ $percent } %)
results-comments = { $count ->
    [0] No comments
    [one] 1 comment
   *[other] { $count } comments
}
results-comments-withheld = Too few comments to show them without risk of revealing who wrote them.
results-previous-withheld = Version { $version } had too few responses to compare with.
results-comparison-title = Version { $version } compared with version { $previous }
results-comparison-none = No question of this version can be compared with the version before.
results-question = Question
results-measure = Measure
results-measure-mean = Mean (1 to 5)
results-measure-net = Net score
results-answers-in = Answers, { $version }
results-change = Change
results-up = up
results-down = down
results-same = no change

## Class and survey refusals
problem-class-no-capacity = A class needs at least one seat.
problem-class-in-the-past = This date and time are already past. Choose a time to come.
problem-class-ends-before-start = The class must end after it starts.
problem-class-too-long = A class lasts at most { $hours } hours.
problem-class-cancelled = This class is cancelled.
problem-class-started = This class has already started: it can no longer be changed.
problem-class-not-started = This class has not started yet. Attendance is taken once it starts.
problem-already-enrolled = You already have a seat in this class or a place on its waiting list.
problem-not-enrolled = Not enrolled in this class (no seat and no place on its waiting list).
problem-not-running-class = Only the class's facilitator, the person who scheduled it, or a manager of its office can do this.
problem-not-in-class-office = This learner does not work in the office the class is held for.
problem-survey-not-due = This survey is not waiting for your answer: the class has not ended, you already answered or declined, or it closed 30 days after the class.
problem-not-a-time = “{ $given }” is not a time. Enter hours and minutes, for example 09:30.

items-title = Knowledge-check items
items-export = Save as CSV
items-intro = For each item of this course's knowledge check: the share of attempts that got it right, how well it tells learners who do well on the rest of the check from those who do not (−1 to +1; below 0 means stronger learners get it wrong more often), and how often each option was chosen.
items-none = Nobody has submitted this knowledge check for this version yet.
items-attempts = { $count ->
    [one] 1 submitted attempt.
   *[other] { $count } submitted attempts.
} Items are flagged from { $min } attempts.
items-item = Item
items-right = Right
items-discrimination = Discrimination
items-options = Options (✓ right) — times chosen
items-flags = To look at
items-flag-too-easy = Too easy
items-flag-too-hard = Too hard
items-flag-negative = Stronger learners miss it
items-flag-unused-option = A wrong option nobody picks
results-export = Save these results as CSV

## Draft editor: what the previous version showed
feedback-title = What the previous version showed: { $course }
feedback-intro = What learners said of the published course and how they did on its knowledge check, to guide this draft. Survey results appear only for groups large enough to keep answers anonymous.
feedback-survey-title = Post-class survey
feedback-suppressed = Fewer than { $threshold } responses: results are not shown, to keep answers anonymous.
feedback-survey-unavailable = Survey results are not available for this course.
feedback-weak = To look at
feedback-items-title = Knowledge-check items to look at
feedback-items-version = Knowledge check of version { $version }.
feedback-items-unavailable = No knowledge-check analysis is available for this course.
feedback-items-none-flagged = No item of the knowledge check is flagged.
feedback-item-stats = { $right } % right · discrimination { $discrimination }
feedback-not-measured = not measurable
feedback-full-results = Open the full survey results
feedback-cite-title = To cite in the change notes
feedback-cite-intro = What the previous version showed in the courses you opened. Cite the findings your changes answer, then replace the text in brackets with what you changed.
feedback-cite = Cite in notes
feedback-cited = Added to the English and French change notes.
feedback-cite-item = { $course } { $item }: { $flags } ({ $right } % right)
feedback-cite-item-discrimination = { $course } { $item }: { $flags } ({ $right } % right, discrimination { $discrimination })
feedback-cite-mean = { $course } survey, “{ $question }”: mean { $mean } out of 5
feedback-cite-net = { $course } survey, “{ $question }”: net score { $net }
feedback-cite-template = { $finding } — [what changed]

## Organization dashboard
nav-dashboard = Program figures
dashboard-title = Program figures
dashboard-intro = Courses completed, coaching and certifications of the people in your charge. What people said in the surveys is on the survey results page, where groups under five stay hidden.
dashboard-scope-staff = Your staff: { $count ->
    [0] nobody
    [one] 1 person
   *[other] { $count } people
}
dashboard-scope-organization = Everyone: { $count ->
    [0] nobody
    [one] 1 person
   *[other] { $count } people
}
dashboard-completions-title = Completions over time
dashboard-completions-none = No course was completed in the months shown.
dashboard-completions-chart-title = Courses completed each month, by Mastery Level
dashboard-period = between { $first } and { $last }
dashboard-period-one = in { $month }
dashboard-completions-summary = { $count ->
    [one] 1 course completed
   *[other] { $count } courses completed
} { $period }: { $l1 } at Level 1, { $l2 } at Level 2 and { $l3 } at Level 3.
dashboard-completions-peak = The busiest month was { $month }, with { $count }.
dashboard-completions-see-table = The table below gives the figures course by course.
dashboard-completions-segment = { $month }, Level { $level }: { $count }
dashboard-completions-table = Courses completed, by course and month
dashboard-course = Course
dashboard-level = Level
dashboard-total = Total to date
dashboard-total-note = Total to date: people in scope who completed the course at any time, before the months shown too, prior learning records included.
dashboard-coaching-title = Coaching by driver
dashboard-coaching-intro = Coaching sessions logged in the months shown, by the driver they observed. A session that observed several drivers counts for each.
dashboard-coaching-none = No coaching session was logged in the months shown.
dashboard-coaching-chart-title = Coaching sessions per driver, and how many the learner acknowledged
dashboard-coaching-sessions = Sessions
dashboard-coaching-acknowledged = Acknowledged by the learner
dashboard-coaching-counts = { $sessions ->
    [one] 1 session
   *[other] { $sessions } sessions
} · { $acknowledged } acknowledged
dashboard-coaching-mean = mean { $mean } / { $top }
dashboard-coaching-mean-words = mean rating { $mean } out of { $top }
dashboard-coaching-no-rating = no rating
dashboard-coaching-row = { $driver }: { $sessions ->
    [one] 1 session
   *[other] { $sessions } sessions
}, { $acknowledged } acknowledged by the learner, { $mean }.
dashboard-coaching-note = Coaches rate each driver they observe from 1 to { $top }.
dashboard-certifications-title = Certifications by office
dashboard-certifications-none = No office figures to show.
dashboard-certifications-table = Certifications in force today, by office
dashboard-office = Office
dashboard-no-office = No office recorded
dashboard-people = People
dashboard-level-in-force = Level { $level } in force
dashboard-expiring = Expiring within 90 days
dashboard-share = Share certified
dashboard-share-value = { $percent } %
dashboard-share-note = Share certified: people holding a certification in force at any level, as a share of the office's people.
