//! A fault-injecting HTTP proxy for the tests (loopback only): between
//! Mastery and the SCIM server it answers 500/503 itself, stalls past the
//! client's timeout after the server applied the request, cuts the
//! connection in the middle of the answer, or passes the request through;
//! and it logs what the server itself answered, so the tests can check
//! from the wire that each message was applied once and in order.

use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Pass,
    /// This share of requests (0 to 100) gets a fault.
    Chaos(u32),
    /// Every request is answered 503 by the proxy.
    Down,
    /// Every answer is held this long (to kill a process mid-delivery).
    Slow(Duration),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Fault {
    Status500,
    Status503,
    /// The server applied it; the client hears nothing before its timeout.
    Stall,
    /// The server applied it; the answer is cut in the middle.
    Cut,
}

/// One request that reached the proxy.
#[derive(Clone, Debug)]
pub struct Seen {
    pub method: String,
    pub path: String,
    pub body: Vec<u8>,
    /// What the server answered (`None`: not forwarded).
    pub upstream: Option<u16>,
    pub fault: Option<Fault>,
}

pub struct Proxy {
    pub port: u16,
    mode: Arc<Mutex<Mode>>,
    pub log: Arc<Mutex<Vec<Seen>>>,
    task: tokio::task::JoinHandle<()>,
}

impl Proxy {
    pub async fn start(upstream: u16, stall: Duration) -> Proxy {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let port = listener.local_addr().expect("addr").port();
        let mode = Arc::new(Mutex::new(Mode::Pass));
        let log = Arc::new(Mutex::new(Vec::new()));
        let (m, l) = (mode.clone(), log.clone());
        let task = tokio::spawn(async move {
            let mut n = 0u64;
            let mut faults = 0u64;
            loop {
                let Ok((client, _)) = listener.accept().await else {
                    continue;
                };
                n += 1;
                // A pseudo-random roll per request (splitmix64), and the
                // fault kinds taken in turn so that each one happens.
                let roll = splitmix(n) % 100;
                let kind = faults % 4;
                let chaos = *m.lock().unwrap_or_else(|e| e.into_inner());
                if matches!(chaos, Mode::Chaos(pct) if roll < u64::from(pct)) {
                    faults += 1;
                }
                let (m, l) = (m.clone(), l.clone());
                tokio::spawn(async move {
                    let _ = serve(client, upstream, roll, kind, stall, m, l).await;
                });
            }
        });
        Proxy {
            port,
            mode,
            log,
            task,
        }
    }

    pub fn set(&self, mode: Mode) {
        *self.mode.lock().unwrap_or_else(|e| e.into_inner()) = mode;
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/v2", self.port)
    }

    pub fn seen(&self) -> Vec<Seen> {
        self.log.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn read_request(s: &mut TcpStream) -> std::io::Result<Vec<u8>> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 8192];
    loop {
        if let Some(end) = find(&buf, b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&buf[..end]).to_lowercase();
            let len: usize = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse().ok())
                .unwrap_or(0);
            if buf.len() >= end + 4 + len {
                return Ok(buf);
            }
        }
        let n = s.read(&mut chunk).await?;
        if n == 0 {
            return Ok(buf);
        }
        buf.extend_from_slice(&chunk[..n]);
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn splitmix(n: u64) -> u64 {
    let mut z = n.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

async fn serve(
    mut client: TcpStream,
    upstream: u16,
    roll: u64,
    kind: u64,
    stall: Duration,
    mode: Arc<Mutex<Mode>>,
    log: Arc<Mutex<Vec<Seen>>>,
) -> std::io::Result<()> {
    let request = read_request(&mut client).await?;
    if request.is_empty() {
        return Ok(());
    }
    let head_end = find(&request, b"\r\n\r\n").unwrap_or(request.len());
    let first = String::from_utf8_lossy(&request[..head_end])
        .lines()
        .next()
        .unwrap_or_default()
        .to_owned();
    let mut parts = first.split(' ');
    let method = parts.next().unwrap_or_default().to_owned();
    let path = parts.next().unwrap_or_default().to_owned();
    let body = request.get(head_end + 4..).unwrap_or_default().to_vec();
    let mode = *mode.lock().unwrap_or_else(|e| e.into_inner());
    let fault = match mode {
        Mode::Pass | Mode::Slow(_) => None,
        Mode::Down => Some(Fault::Status503),
        Mode::Chaos(pct) if roll < u64::from(pct) => Some(match kind {
            0 => Fault::Status500,
            1 => Fault::Status503,
            2 => Fault::Stall,
            _ => Fault::Cut,
        }),
        Mode::Chaos(_) => None,
    };
    let mut seen = Seen {
        method,
        path,
        body,
        upstream: None,
        fault,
    };
    if let Some(Fault::Status500 | Fault::Status503) = fault {
        let (code, text) = if fault == Some(Fault::Status500) {
            (500, "Internal Server Error")
        } else {
            (503, "Service Unavailable")
        };
        let body = format!(
            "{{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"status\":\"{code}\",\"detail\":\"injected {code}\"}}"
        );
        let resp = format!(
            "HTTP/1.1 {code} {text}\r\nContent-Type: application/scim+json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        );
        log.lock().unwrap_or_else(|e| e.into_inner()).push(seen);
        client.write_all(resp.as_bytes()).await?;
        return client.shutdown().await;
    }
    // Forward; the server answers and closes (HTTP/1.0).
    let mut server = TcpStream::connect(("127.0.0.1", upstream)).await?;
    // Ask the server to close after answering, whatever the client said.
    server.write_all(&request).await?;
    let mut response = Vec::new();
    server.read_to_end(&mut response).await?;
    seen.upstream = String::from_utf8_lossy(&response)
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok());
    log.lock().unwrap_or_else(|e| e.into_inner()).push(seen);
    match (mode, fault) {
        (_, Some(Fault::Stall)) => {
            tokio::time::sleep(stall).await;
            Ok(())
        }
        (_, Some(Fault::Cut)) => {
            let half = response.len() / 2;
            client.write_all(&response[..half]).await?;
            // Closed without the rest: the client sees a broken answer.
            Ok(())
        }
        (Mode::Slow(d), _) => {
            tokio::time::sleep(d).await;
            client.write_all(&response).await?;
            client.shutdown().await
        }
        _ => {
            client.write_all(&response).await?;
            client.shutdown().await
        }
    }
}
