//! The course designer's use cases: a working draft of the program pack,
//! checked as it is typed, previewed as learners will see it, published as
//! a new immutable version with change notes, compared with any version,
//! and exchanged as an archive. Only the course-designer role may call any
//! of these.

use crate::{Api, Caller, Result, PROGRAM_PACK_ID};
use chrono::{DateTime, Utc};
use mastery_domain::access::Permission;
use mastery_packs::{archive, Pack, PackFiles, Severity};
use mastery_store::packs;
use mastery_types::{
    ApiError, ArchiveReason, DesignerHome, DiffEntry, DiffRequest, DraftFile, DraftFileEntry,
    DraftFileRequest, DraftInfo, DraftTree, EditCheck, EditRequest, ErrorCode, ExportRequest,
    FileGroup, ImportDone, LocalizedText, PackProblem, Problem, PublishRequest, TrackGroup,
    VersionInfo,
};

/// The largest file the designer may save (lessons are ~10 KB).
const MAX_EDIT_BYTES: usize = 512 * 1024;
/// What `DiffRequest`/`ExportRequest` call the working draft.
pub const DRAFT: &str = "draft";
/// The largest pack archive accepted from the window.
pub const MAX_UPLOAD_MB: u32 = 64;

fn en_fr(en: &str, fr: &str) -> LocalizedText {
    LocalizedText(
        [
            ("en".to_owned(), en.to_owned()),
            ("fr".to_owned(), fr.to_owned()),
        ]
        .into_iter()
        .collect(),
    )
}

fn problems_of(problems: &[mastery_packs::Problem]) -> Vec<PackProblem> {
    problems
        .iter()
        .map(|p| PackProblem {
            error: p.severity == Severity::Error,
            file: p.file.clone(),
            line: p.line.and_then(|l| u32::try_from(l).ok()),
            message: p.message.clone(),
        })
        .collect()
}

fn count(problems: &[PackProblem]) -> (u32, u32) {
    let errors = problems.iter().filter(|p| p.error).count();
    let n = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
    (n(errors), n(problems.len() - errors))
}

fn only_program_pack(pack_id: &str) -> Result<()> {
    if pack_id == PROGRAM_PACK_ID {
        Ok(())
    } else {
        Err(ApiError::problem_with(
            Problem::OnlyTheProgramPack,
            format!("there is no pack {pack_id:?}; this organization runs {PROGRAM_PACK_ID:?}"),
        ))
    }
}

/// Sets the manifest's status (and, when publishing, version and change
/// notes), keeping the rest of the file as the designer wrote it.
fn set_manifest(
    files: &mut PackFiles,
    status: &str,
    publish: Option<(&str, &LocalizedText)>,
) -> Result<()> {
    let text = files
        .0
        .get("pack.toml")
        .and_then(|b| std::str::from_utf8(b).ok())
        .ok_or_else(|| {
            ApiError::problem_with(
                Problem::PackHasProblems { errors: 1 },
                "the draft has no readable pack.toml",
            )
        })?;
    let mut doc: toml_edit::DocumentMut = text.parse().map_err(|e| {
        ApiError::problem_with(
            Problem::PackHasProblems { errors: 1 },
            format!("pack.toml is not valid TOML, so it cannot be updated: {e}"),
        )
    })?;
    doc["status"] = toml_edit::value(status);
    if let Some((version, notes)) = publish {
        doc["version"] = toml_edit::value(version);
        let mut table = toml_edit::InlineTable::new();
        for (lang, text) in &notes.0 {
            table.insert(lang, text.trim().into());
        }
        doc["change_notes"] = toml_edit::value(table);
    }
    files
        .0
        .insert("pack.toml".into(), doc.to_string().into_bytes());
    Ok(())
}

/// HTML of one file as learners will see it: a lesson rendered, or for a
/// TOML file each of its texts in `lang`, labelled with where it sits.
fn preview(
    path: &str,
    text: &str,
    lang: &str,
    images: &std::collections::BTreeMap<String, String>,
) -> String {
    if path.ends_with(".md") {
        return mastery_packs::render_markdown(text, images);
    }
    let Ok(table) = text.parse::<toml::Table>() else {
        return String::new();
    };
    let mut out = String::new();
    walk(&toml::Value::Table(table), "", lang, images, &mut out);
    out
}

fn walk(
    v: &toml::Value,
    at: &str,
    lang: &str,
    images: &std::collections::BTreeMap<String, String>,
    out: &mut String,
) {
    match v {
        toml::Value::Table(t) if t.contains_key("en") && t.values().all(|x| x.is_str()) => {
            let text = t
                .get(lang)
                .or_else(|| t.get("en"))
                .and_then(|x| x.as_str())
                .unwrap_or("");
            let label = at
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;");
            out.push_str(&format!(
                "<section class=\"preview-text\"><p class=\"preview-where\">{label}</p>{}</section>",
                mastery_packs::render_markdown(text, images)
            ));
        }
        toml::Value::Table(t) => {
            for (k, x) in t {
                let here = if at.is_empty() {
                    k.clone()
                } else {
                    format!("{at}.{k}")
                };
                walk(x, &here, lang, images, out);
            }
        }
        toml::Value::Array(items) => {
            for (i, x) in items.iter().enumerate() {
                let id = x
                    .get("id")
                    .and_then(|v| v.as_str())
                    .map_or_else(|| (i + 1).to_string(), str::to_owned);
                walk(x, &format!("{at}[{id}]"), lang, images, out);
            }
        }
        _ => {}
    }
}

/// Which course a file belongs to, and what kind of file it is.
fn classify(path: &str) -> (Option<String>, String) {
    let parts: Vec<&str> = path.split('/').collect();
    let stem = |n: &str| n.strip_suffix(".toml").unwrap_or(n).to_owned();
    match parts.as_slice() {
        ["courses", n] => (Some(stem(n)), "course".into()),
        ["quizzes", n] => (Some(stem(n)), "quiz".into()),
        ["checklists", n] => (Some(stem(n)), "checklist".into()),
        ["assignments", n] => (Some(stem(n)), "assignments".into()),
        ["exams", n] => (Some(stem(n)), "exam".into()),
        ["lessons", c, n] => {
            let lang = n
                .strip_suffix(".md")
                .and_then(|s| s.rsplit_once('.'))
                .map_or("", |(_, l)| l);
            (Some((*c).to_owned()), format!("lesson-{lang}"))
        }
        ["pack.toml"] => (None, "manifest".into()),
        ["rubrics", _] => (None, "rubric".into()),
        ["surveys", _] => (None, "survey".into()),
        ["self-assessments", _] => (None, "self-assessment".into()),
        ["images", _] => (None, "picture".into()),
        _ => (None, "other".into()),
    }
}

impl Api {
    fn latest_version(&self, pack_id: &str) -> Result<packs::VersionRow> {
        self.store
            .read(|c| packs::versions(c, pack_id))?
            .into_iter()
            .next()
            .ok_or_else(|| crate::errors::not_found(mastery_types::Thing::PackVersion, pack_id))
    }

    /// The draft, started from the newest stored version if there is none.
    fn draft_or_start(
        &self,
        me: &mastery_types::PersonId,
        pack_id: &str,
        now: DateTime<Utc>,
    ) -> Result<packs::Draft> {
        if let Some(d) = self.store.read(|c| packs::draft(c, pack_id))? {
            return Ok(d);
        }
        let base = self.latest_version(pack_id)?;
        let mut files = self
            .store
            .read(|c| packs::version_files(c, pack_id, &base.version))?;
        if files.0.is_empty() {
            return Err(crate::errors::storage(format!(
                "version {} of {pack_id} has no files on record to start a draft from",
                base.version
            )));
        }
        set_manifest(&mut files, "draft", None)?;
        self.store
            .write(|tx| {
                packs::put_draft(tx, pack_id, &base.version, &files, me, now)?;
                packs::draft(tx, pack_id)
            })?
            .ok_or_else(|| crate::errors::storage("the draft was not saved"))
    }

    fn version_info(row: &packs::VersionRow) -> VersionInfo {
        VersionInfo {
            version: row.version.clone(),
            published: row.status == "published",
            content_hash: row.content_hash.clone(),
            stored_at: row.stored_at,
            published_by: row.published_by.clone(),
            change_notes: serde_json::from_str(&row.change_notes_json).unwrap_or_default(),
        }
    }

    /// The pack's versions, newest first, and its draft if one is open.
    pub fn designer_home(&self, caller: &Caller) -> Result<DesignerHome> {
        caller.require_person(Permission::DesignCourses)?;
        let rows = self.store.read(|c| packs::versions(c, PROGRAM_PACK_ID))?;
        let title = self
            .latest_published(PROGRAM_PACK_ID)?
            .map(|p| p.title.clone())
            .unwrap_or_default();
        let draft = self.store.read(|c| packs::draft(c, PROGRAM_PACK_ID))?;
        let draft = draft.map(|d| {
            let (errors, warnings) = count(&problems_of(&Pack::lint(&d.files).1));
            DraftInfo {
                base_version: d.base_version,
                updated_at: d.updated_at,
                updated_by: d.updated_by,
                errors,
                warnings,
            }
        });
        Ok(DesignerHome {
            pack_id: PROGRAM_PACK_ID.to_owned(),
            title,
            versions: rows.iter().map(Self::version_info).collect(),
            draft,
        })
    }

    /// The draft as tracks → courses → files, with every problem; opens a
    /// draft from the newest version if there is none.
    pub fn draft_tree(
        &self,
        caller: &Caller,
        pack_id: &str,
        now: DateTime<Utc>,
    ) -> Result<DraftTree> {
        let me = caller.require_person(Permission::DesignCourses)?;
        only_program_pack(pack_id)?;
        let draft = self.draft_or_start(&me, pack_id, now)?;
        let (pack, problems) = Pack::lint(&draft.files);
        let problems = problems_of(&problems);
        let entry = |path: &str, kind: String| {
            let (errors, warnings) = count(
                &problems
                    .iter()
                    .filter(|p| p.file == path)
                    .cloned()
                    .collect::<Vec<_>>(),
            );
            DraftFileEntry {
                path: path.to_owned(),
                kind,
                errors,
                warnings,
            }
        };
        let mut tracks: Vec<TrackGroup> = Vec::new();
        let mut course_groups: Vec<(String, FileGroup)> = Vec::new();
        if let Some(pack) = &pack {
            for t in &pack.tracks {
                let mut courses = Vec::new();
                for c in pack.courses.iter().filter(|c| c.track == t.track) {
                    let group = FileGroup {
                        id: c.id.0.clone(),
                        title: c.title.clone(),
                        files: Vec::new(),
                    };
                    courses.push(group.clone());
                    course_groups.push((c.id.0.clone(), group));
                }
                tracks.push(TrackGroup {
                    title: t.title.clone(),
                    courses,
                });
            }
        }
        let shared_titles = [
            (
                "manifest",
                en_fr("Program manifest", "Manifeste du programme"),
            ),
            ("rubric", en_fr("Rubrics", "Grilles d'évaluation")),
            ("survey", en_fr("Surveys", "Sondages")),
            (
                "self-assessment",
                en_fr("Self-assessments", "Autoévaluations"),
            ),
            ("picture", en_fr("Pictures", "Images")),
            ("other", en_fr("Other files", "Autres fichiers")),
        ];
        let mut shared: Vec<FileGroup> = shared_titles
            .iter()
            .map(|(kind, t)| FileGroup {
                id: (*kind).to_owned(),
                title: t.clone(),
                files: Vec::new(),
            })
            .collect();
        for path in draft.files.0.keys() {
            let (course, kind) = classify(path);
            let e = entry(path, kind.clone());
            match course.and_then(|c| course_groups.iter_mut().find(|(id, _)| *id == c)) {
                Some((_, g)) => g.files.push(e),
                None => {
                    let at = shared_titles
                        .iter()
                        .position(|(k, _)| *k == kind)
                        .unwrap_or(shared_titles.len() - 1);
                    shared[at].files.push(e);
                }
            }
        }
        // Course files in a designer's order: the course, its lessons, then
        // the rest.
        let rank = |k: &str| match k {
            "course" => 0,
            k if k.starts_with("lesson") => 1,
            "quiz" => 2,
            "checklist" => 3,
            "assignments" => 4,
            _ => 5,
        };
        let mut groups = course_groups.into_iter();
        for t in &mut tracks {
            for c in &mut t.courses {
                if let Some((_, mut g)) = groups.next() {
                    g.files
                        .sort_by(|a, b| (rank(&a.kind), &a.path).cmp(&(rank(&b.kind), &b.path)));
                    *c = g;
                }
            }
        }
        shared.retain(|g| !g.files.is_empty());
        let (errors, warnings) = count(&problems);
        Ok(DraftTree {
            pack_id: pack_id.to_owned(),
            info: DraftInfo {
                base_version: draft.base_version,
                updated_at: draft.updated_at,
                updated_by: draft.updated_by,
                errors,
                warnings,
            },
            tracks,
            shared,
            problems,
        })
    }

    /// One file of the draft, as text.
    pub fn draft_file(
        &self,
        caller: &Caller,
        req: &DraftFileRequest,
        now: DateTime<Utc>,
    ) -> Result<DraftFile> {
        let me = caller.require_person(Permission::DesignCourses)?;
        only_program_pack(&req.pack_id)?;
        let draft = self.draft_or_start(&me, &req.pack_id, now)?;
        let bytes =
            draft.files.0.get(&req.path).ok_or_else(|| {
                crate::errors::not_found(mastery_types::Thing::DraftFile, &req.path)
            })?;
        let text = String::from_utf8(bytes.clone()).map_err(|_| {
            ApiError::problem_with(
                Problem::NotAChoice {
                    field: mastery_types::Field::FileText,
                    given: req.path.clone(),
                },
                "not text (a picture?): it cannot be edited here",
            )
        })?;
        Ok(DraftFile {
            path: req.path.clone(),
            text,
        })
    }

    fn edited(
        &self,
        me: &mastery_types::PersonId,
        req: &EditRequest,
        now: DateTime<Utc>,
    ) -> Result<(PackFiles, EditCheck)> {
        only_program_pack(&req.pack_id)?;
        if !PackFiles::is_pack_file(&req.path) || req.path.starts_with("images/") {
            return Err(ApiError::problem(Problem::BadFileName {
                name: req.path.clone(),
            }));
        }
        if req.text.len() > MAX_EDIT_BYTES {
            return Err(ApiError::problem(Problem::TooLong {
                field: mastery_types::Field::FileText,
                max: MAX_EDIT_BYTES,
            }));
        }
        let draft = self.draft_or_start(me, &req.pack_id, now)?;
        let mut files = draft.files;
        files
            .0
            .insert(req.path.clone(), req.text.clone().into_bytes());
        let (pack, problems) = Pack::lint(&files);
        let images = pack.map(|p| p.images).unwrap_or_default();
        let check = EditCheck {
            problems: problems_of(&problems),
            preview_html: preview(&req.path, &req.text, &req.lang, &images),
            saved: false,
        };
        Ok((files, check))
    }

    /// What the draft would be with this edit, without saving it.
    pub fn check_edit(
        &self,
        caller: &Caller,
        req: &EditRequest,
        now: DateTime<Utc>,
    ) -> Result<EditCheck> {
        let me = caller.require_person(Permission::DesignCourses)?;
        self.edited(&me, req, now).map(|(_, c)| c)
    }

    /// Saves one file into the draft. A draft may hold problems; only
    /// publishing refuses them.
    pub fn save_edit(
        &self,
        caller: &Caller,
        req: &EditRequest,
        now: DateTime<Utc>,
    ) -> Result<EditCheck> {
        let me = caller.require_person(Permission::DesignCourses)?;
        let (_, mut check) = self.edited(&me, req, now)?;
        self.store.write(|tx| {
            packs::put_draft_file(tx, &req.pack_id, &req.path, req.text.as_bytes(), &me, now)
        })?;
        check.saved = true;
        Ok(check)
    }

    /// Drops the draft; the stored versions are untouched.
    pub fn discard_draft(&self, caller: &Caller, pack_id: &str) -> Result<()> {
        caller.require_person(Permission::DesignCourses)?;
        only_program_pack(pack_id)?;
        self.store.write(|tx| packs::delete_draft(tx, pack_id))?;
        Ok(())
    }

    /// Publishes the draft as a new, immutable version. Refused, with every
    /// problem listed, if anything is wrong (missing French included).
    pub fn publish(
        &self,
        caller: &Caller,
        req: &PublishRequest,
        now: DateTime<Utc>,
    ) -> Result<VersionInfo> {
        let me = caller.require_person(Permission::DesignCourses)?;
        only_program_pack(&req.pack_id)?;
        let Some(draft) = self.store.read(|c| packs::draft(c, &req.pack_id))? else {
            return Err(crate::errors::not_found(
                mastery_types::Thing::Draft,
                &req.pack_id,
            ));
        };
        let version = semver::Version::parse(req.version.trim()).map_err(|_| {
            ApiError::problem(Problem::NotAChoice {
                field: mastery_types::Field::Version,
                given: req.version.trim().to_owned(),
            })
        })?;
        if let Some(latest) = self
            .store
            .read(|c| packs::versions(c, &req.pack_id))?
            .first()
        {
            if semver::Version::parse(&latest.version).is_ok_and(|l| version <= l) {
                return Err(ApiError::problem(Problem::VersionNotNewer {
                    latest: latest.version.clone(),
                }));
            }
        }
        for lang in ["en", "fr"] {
            if !req.change_notes.has(lang) {
                return Err(ApiError::problem_with(
                    Problem::Empty {
                        field: mastery_types::Field::ChangeNotes,
                    },
                    format!("the change notes need a {lang} text"),
                ));
            }
        }
        let mut files = draft.files;
        let version = version.to_string();
        set_manifest(&mut files, "published", Some((&version, &req.change_notes)))?;
        let pack = Pack::parse(&files).map_err(|e| {
            let errors = match &e {
                mastery_packs::PackError::Invalid(p) => {
                    p.iter().filter(|p| p.severity == Severity::Error).count()
                }
                mastery_packs::PackError::Io { .. } => 1,
            };
            ApiError::problem_with(Problem::PackHasProblems { errors }, e)
        })?;
        self.store.write(|tx| {
            packs::store_version(tx, &pack, &files, Some(&me), now)?;
            crate::audit::record(
                tx,
                now,
                Some(me),
                "pack.published",
                &format!("{} {}", pack.id, pack.version),
                serde_json::json!({ "content_hash": files.content_hash() }),
            )?;
            packs::delete_draft(tx, &req.pack_id)
        })?;
        let row = self
            .store
            .read(|c| packs::versions(c, &req.pack_id))?
            .into_iter()
            .find(|r| r.version == version)
            .ok_or_else(|| crate::errors::storage("the new version was not stored"))?;
        Ok(Self::version_info(&row))
    }

    fn version_or_draft(&self, pack_id: &str, version: &str) -> Result<Pack> {
        if version == DRAFT {
            let draft = self
                .store
                .read(|c| packs::draft(c, pack_id))?
                .ok_or_else(|| crate::errors::not_found(mastery_types::Thing::Draft, pack_id))?;
            return Pack::lint(&draft.files).0.ok_or_else(|| {
                ApiError::problem_with(
                    Problem::PackHasProblems { errors: 1 },
                    "the draft's pack.toml cannot be read; fix it first",
                )
            });
        }
        self.store
            .read(|c| packs::version(c, pack_id, version))?
            .ok_or_else(|| {
                crate::errors::not_found(
                    mastery_types::Thing::PackVersion,
                    format!("{pack_id} {version}"),
                )
            })
    }

    /// What was added, removed or changed from one version to another.
    pub fn diff_versions(&self, caller: &Caller, req: &DiffRequest) -> Result<Vec<DiffEntry>> {
        caller.require_person(Permission::DesignCourses)?;
        only_program_pack(&req.pack_id)?;
        let old = self.version_or_draft(&req.pack_id, &req.from)?;
        let new = self.version_or_draft(&req.pack_id, &req.to)?;
        Ok(mastery_packs::diff(&old, &new)
            .into_iter()
            .map(|d| DiffEntry {
                what: d.what.to_owned(),
                id: d.id,
                change: match d.change {
                    mastery_packs::Change::Added => "added",
                    mastery_packs::Change::Removed => "removed",
                    mastery_packs::Change::Changed => "changed",
                }
                .to_owned(),
            })
            .collect())
    }

    /// A stored version (or the draft) as an exchange archive, with its
    /// suggested file name.
    pub fn export_pack(
        &self,
        caller: &Caller,
        req: &ExportRequest,
    ) -> Result<(String, Vec<u8>, String)> {
        caller.require_person(Permission::DesignCourses)?;
        only_program_pack(&req.pack_id)?;
        let (files, version) = if req.version == DRAFT {
            let d = self
                .store
                .read(|c| packs::draft(c, &req.pack_id))?
                .ok_or_else(|| {
                    crate::errors::not_found(mastery_types::Thing::Draft, &req.pack_id)
                })?;
            let v = Pack::lint(&d.files)
                .0
                .map_or_else(|| d.base_version.clone(), |p| p.version);
            (d.files, format!("{v}-draft"))
        } else {
            let f = self
                .store
                .read(|c| packs::version_files(c, &req.pack_id, &req.version))?;
            if f.0.is_empty() {
                return Err(crate::errors::not_found(
                    mastery_types::Thing::PackVersion,
                    format!("{} {}", req.pack_id, req.version),
                ));
            }
            (f, req.version.clone())
        };
        let bytes = archive::write(&files, &req.pack_id, &version).map_err(|e| {
            ApiError::new(ErrorCode::Storage, format!("cannot write the archive: {e}"))
        })?;
        Ok((
            format!("{}-{version}.mpack", req.pack_id),
            bytes,
            files.content_hash(),
        ))
    }

    /// Imports an archive sent from the window as base64: the caller and
    /// the size are checked before a byte of it is decoded.
    pub fn import_pack_upload(
        &self,
        caller: &Caller,
        archive_base64: &str,
        progress: impl FnMut(usize, usize),
        now: DateTime<Utc>,
    ) -> Result<ImportDone> {
        use base64::Engine;
        caller.require_person(Permission::DesignCourses)?;
        if archive_base64.len() / 4 * 3 > MAX_UPLOAD_MB as usize * 1024 * 1024 {
            return Err(ApiError::problem(mastery_types::Problem::UploadTooLarge {
                max_mb: MAX_UPLOAD_MB,
            }));
        }
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(archive_base64.as_bytes())
            .map_err(|e| {
                ApiError::problem_with(
                    Problem::ArchiveRefused {
                        reason: ArchiveReason::NotAnArchive,
                    },
                    e,
                )
            })?;
        self.import_pack(caller, &bytes, progress, now)
    }

    /// May the caller watch a pack export's or import's progress? (The
    /// shell asks before it answers a progress poll.)
    pub fn may_design(&self, caller: &Caller) -> Result<()> {
        caller.require_person(Permission::DesignCourses).map(drop)
    }

    /// Imports an archive: checked byte for byte, then parsed; a published
    /// pack is stored as a version, a draft replaces the draft. Nothing is
    /// written unless all of it is right.
    pub fn import_pack(
        &self,
        caller: &Caller,
        bytes: &[u8],
        progress: impl FnMut(usize, usize),
        now: DateTime<Utc>,
    ) -> Result<ImportDone> {
        let me = caller.require_person(Permission::DesignCourses)?;
        let refused = |reason: ArchiveReason, detail: String| {
            ApiError::problem_with(Problem::ArchiveRefused { reason }, detail)
        };
        let (record, files) =
            archive::read(bytes, progress).map_err(|e| refused(e.reason(), e.to_string()))?;
        only_program_pack(&record.pack_id)?;
        let pack = Pack::parse(&files).map_err(|e| {
            let errors = match &e {
                mastery_packs::PackError::Invalid(p) => {
                    p.iter().filter(|p| p.severity == Severity::Error).count()
                }
                mastery_packs::PackError::Io { .. } => 1,
            };
            refused(ArchiveReason::InvalidPack { errors }, e.to_string())
        })?;
        if pack.id != record.pack_id {
            return Err(refused(
                ArchiveReason::PackMismatch {
                    record: record.pack_id.clone(),
                    manifest: pack.id.clone(),
                },
                String::new(),
            ));
        }
        let as_draft = pack.status == mastery_packs::PackStatus::Draft;
        let added = self.store.write(|tx| {
            if as_draft {
                packs::put_draft(tx, &pack.id, &pack.version, &files, &me, now)?;
                Ok(true)
            } else {
                let added = packs::store_version(tx, &pack, &files, Some(&me), now)?;
                if added {
                    crate::audit::record(
                        tx,
                        now,
                        Some(me),
                        "pack.published",
                        &format!("{} {}", pack.id, pack.version),
                        serde_json::json!({ "imported": true }),
                    )?;
                }
                Ok(added)
            }
        })?;
        Ok(ImportDone {
            pack_id: pack.id,
            version: pack.version,
            content_hash: pack.content_hash,
            as_draft,
            added,
        })
    }
}
