//! The one typed IPC module: one async function per backend command, over
//! Tauri's `invoke`. Errors arrive as `{code, message}` ([`ApiError`]).

use mastery_types::{
    ApiError, Catalogue, CourseOutline, CourseRequest, ErrorCode, FirstAdminRequest, LessonRequest,
    LessonView, NewUser, SessionInfo, SetLanguageRequest, SetupStatus, SignInRequest, UserSummary,
};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = ["window", "__TAURI__", "core"], js_name = invoke, catch)]
    async fn tauri_invoke(cmd: &str, args: JsValue) -> Result<JsValue, JsValue>;
}

#[derive(Serialize)]
struct NoArgs {}

#[derive(Serialize)]
struct WithRequest<'a, T> {
    request: &'a T,
}

async fn call<A: Serialize, R: DeserializeOwned>(cmd: &str, args: &A) -> Result<R, ApiError> {
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    let args = args
        .serialize(&ser)
        .map_err(|e| ApiError::new(ErrorCode::InvalidInput, format!("cannot encode {cmd}: {e}")))?;
    match tauri_invoke(cmd, args).await {
        Ok(v) => serde_wasm_bindgen::from_value(v).map_err(|e| {
            ApiError::new(
                ErrorCode::Storage,
                format!("unexpected answer to {cmd}: {e}"),
            )
        }),
        Err(e) => Err(
            serde_wasm_bindgen::from_value::<ApiError>(e.clone()).unwrap_or_else(|_| {
                ApiError::new(
                    ErrorCode::Storage,
                    e.as_string().unwrap_or_else(|| format!("{cmd} failed")),
                )
            }),
        ),
    }
}

pub async fn setup_status() -> Result<SetupStatus, ApiError> {
    call("setup_status", &NoArgs {}).await
}

pub async fn create_first_admin(request: &FirstAdminRequest) -> Result<SessionInfo, ApiError> {
    call("create_first_admin", &WithRequest { request }).await
}

pub async fn sign_in(request: &SignInRequest) -> Result<SessionInfo, ApiError> {
    call("sign_in", &WithRequest { request }).await
}

pub async fn sign_out() -> Result<(), ApiError> {
    call("sign_out", &NoArgs {}).await
}

pub async fn current_session() -> Result<Option<SessionInfo>, ApiError> {
    call("current_session", &NoArgs {}).await
}

pub async fn set_language(request: &SetLanguageRequest) -> Result<SessionInfo, ApiError> {
    call("set_language", &WithRequest { request }).await
}

pub async fn catalogue() -> Result<Catalogue, ApiError> {
    call("catalogue", &NoArgs {}).await
}

pub async fn list_users() -> Result<Vec<UserSummary>, ApiError> {
    call("list_users", &NoArgs {}).await
}

pub async fn add_user(request: &NewUser) -> Result<UserSummary, ApiError> {
    call("add_user", &WithRequest { request }).await
}

pub async fn course_outline(request: &CourseRequest) -> Result<CourseOutline, ApiError> {
    call("course_outline", &WithRequest { request }).await
}

pub async fn lesson(request: &LessonRequest) -> Result<LessonView, ApiError> {
    call("lesson", &WithRequest { request }).await
}
