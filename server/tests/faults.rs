//! The real server process under faults, on SQLite and (with TEST_POSTGRES_URL) PostgreSQL, while
//! people keep signing up (each sign-up is a write, and hashing the password keeps requests in
//! flight a while):
//! - killed with SIGKILL at 20 different moments: every sign-up that was answered as done is
//!   there afterwards, and SQLite's integrity check passes;
//! - stopped with SIGTERM: requests already under way get their whole answer, the process exits
//!   cleanly, and again nothing acknowledged is lost;
//! - left by clients that hang up half-way through their sign-ups: nothing is left holding the
//!   database, and the next people signing up are answered at once.

use app::db::testing::each_backend;
use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const KILLS: usize = 20;
/// People signing up at the same time.
const CLIENTS: usize = 6;

/// A port nobody is listening on.
fn free_addr() -> SocketAddr {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap()
}

/// `server serve` on `addr` over the database at `url`, once it answers.
async fn start(url: &str, addr: SocketAddr) -> Child {
    let child = Command::new(env!("CARGO_BIN_EXE_server"))
        .arg("serve")
        .env("DATABASE_URL", url)
        .env("LEPTOS_SITE_ADDR", addr.to_string())
        .env("LEPTOS_SITE_ROOT", std::env::temp_dir())
        .env("SIGN_IN_ATTEMPTS_PER_IP", "100000")
        .env("RUST_LOG", "error")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the server");
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if let Ok(answer) = request(addr, "GET /healthz HTTP/1.1", "").await {
            if answer.starts_with("HTTP/1.1 200") {
                return child;
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the server did not answer on {addr}");
}

/// How a request went wrong.
#[derive(Debug, PartialEq)]
enum Failed {
    /// Nobody took the connection.
    Connecting,
    /// Taken, then no whole answer.
    Answering,
}

/// One request on its own connection; the whole answer (head and body).
async fn request(addr: SocketAddr, line: &str, form: &str) -> Result<String, Failed> {
    let mut stream = TcpStream::connect(addr)
        .await
        .map_err(|_| Failed::Connecting)?;
    let text = format!(
        "{line}\r\nHost: {addr}\r\nConnection: close\r\nAccept: application/json\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{form}",
        form.len()
    );
    stream
        .write_all(text.as_bytes())
        .await
        .map_err(|_| Failed::Answering)?;
    let mut answer = Vec::new();
    stream
        .read_to_end(&mut answer)
        .await
        .map_err(|_| Failed::Answering)?;
    let answer = String::from_utf8_lossy(&answer).into_owned();
    if answer.starts_with("HTTP/1.1 ") {
        Ok(answer)
    } else {
        Err(Failed::Answering)
    }
}

/// Sends a sign-up and closes the connection after `patience`, answered or not.
async fn hang_up(addr: SocketAddr, mobile: &str, patience: Duration) {
    let form = format!("contact={mobile}&display_name=%E9%82%BB%E5%B1%85&password=long-enough-1");
    let sent = request(addr, "POST /api/accounts/sign_up HTTP/1.1", &form);
    let _ = tokio::time::timeout(patience, sent).await;
}

/// Waits until the number of accounts has stopped growing for half a second.
async fn settle(db: &app::db::Db) {
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut last = -1i64;
    while Instant::now() < deadline {
        let now: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users")
            .fetch_one(db.pool())
            .await
            .unwrap();
        if now == last {
            return;
        }
        last = now;
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    panic!("sign-ups kept arriving for a minute after the clients left");
}

/// What the people signing up saw.
#[derive(Default)]
struct Tally {
    /// Mobile numbers whose sign-up was answered as done.
    acknowledged: Vec<String>,
    /// Requests sent (connection taken) that got no whole answer, with when they started.
    unanswered: Vec<Instant>,
}

/// `CLIENTS` people signing up one after another until `stop` is set; numbers start at `first`.
fn sign_ups(addr: SocketAddr, first: u64, tally: Arc<Mutex<Tally>>) -> SignUps {
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let handles = (0..CLIENTS as u64)
        .map(|client| {
            let (tally, stop) = (tally.clone(), stop.clone());
            tokio::spawn(async move {
                let mut n = 0;
                while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                    let mobile = format!("139{:08}", first + client * 10_000 + n);
                    n += 1;
                    let form = format!(
                        "contact={mobile}&display_name=%E9%82%BB%E5%B1%85&password=long-enough-1"
                    );
                    let started = Instant::now();
                    match request(addr, "POST /api/accounts/sign_up HTTP/1.1", &form).await {
                        Ok(answer) if answer.starts_with("HTTP/1.1 200") => {
                            tally.lock().unwrap().acknowledged.push(mobile)
                        }
                        Ok(answer) => panic!("a sign-up was refused: {answer}"),
                        Err(Failed::Answering) => tally.lock().unwrap().unanswered.push(started),
                        // The server is gone (or not yet listening): wait for the end.
                        Err(Failed::Connecting) => {
                            tokio::time::sleep(Duration::from_millis(20)).await
                        }
                    }
                }
            })
        })
        .collect();
    SignUps { stop, handles }
}

struct SignUps {
    stop: Arc<std::sync::atomic::AtomicBool>,
    handles: Vec<tokio::task::JoinHandle<()>>,
}

impl SignUps {
    async fn finish(self) {
        self.stop.store(true, std::sync::atomic::Ordering::Relaxed);
        for handle in self.handles {
            handle.await.unwrap();
        }
    }
}

/// Every acknowledged sign-up is in the database, which is sound.
async fn all_there(db: &app::db::Db, acknowledged: &[String]) {
    for mobile in acknowledged {
        let found: Option<i64> = sqlx::query_scalar("SELECT id FROM users WHERE contact = $1")
            .bind(mobile)
            .fetch_optional(db.pool())
            .await
            .unwrap();
        assert!(found.is_some(), "{mobile} was acknowledged and is missing");
    }
    if db.kind() == app::db::DbKind::Sqlite {
        let check: String = sqlx::query_scalar("PRAGMA integrity_check")
            .fetch_one(db.pool())
            .await
            .unwrap();
        assert_eq!(check, "ok");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn acknowledged_writes_survive_sigkill_and_sigterm_lets_requests_finish() {
    for test in each_backend().await {
        let tally = Arc::new(Mutex::new(Tally::default()));
        // Killed at moments spread over the first second and a half of the load.
        for run in 0..KILLS {
            let addr = free_addr();
            let mut server = start(&test.url, addr).await;
            let load = sign_ups(addr, run as u64 * 100_000, tally.clone());
            let moment = 100 + (run as u64 * 373) % 1400;
            tokio::time::sleep(Duration::from_millis(moment)).await;
            server.kill().unwrap(); // SIGKILL
            server.wait().unwrap();
            load.finish().await;
        }
        let killed = std::mem::take(&mut *tally.lock().unwrap());
        assert!(
            killed.acknowledged.len() >= KILLS,
            "too few sign-ups got through to prove anything: {}",
            killed.acknowledged.len()
        );
        all_there(&test.db, &killed.acknowledged).await;
        println!(
            "{:?}: {KILLS} kills, {} sign-ups acknowledged and found, {} cut off unanswered",
            test.db.kind(),
            killed.acknowledged.len(),
            killed.unanswered.len()
        );

        // Stopped with SIGTERM under load.
        let addr = free_addr();
        let mut server = start(&test.url, addr).await;
        let load = sign_ups(addr, 9_000_000, tally.clone());
        tokio::time::sleep(Duration::from_millis(800)).await;
        let signalled = Instant::now();
        let status = Command::new("kill")
            .args(["-TERM", &server.id().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
        let exited = loop {
            if let Some(status) = server.try_wait().unwrap() {
                break status;
            }
            assert!(
                signalled.elapsed() < Duration::from_secs(20),
                "still running after SIGTERM"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        };
        load.finish().await;
        assert!(exited.success(), "{exited:?}");
        let stopped = std::mem::take(&mut *tally.lock().unwrap());
        assert!(!stopped.acknowledged.is_empty());
        // A request started well before the signal was under way: it got its answer. (One sent
        // in the last moment may still have been waiting in the kernel's queue, never taken.)
        let cut = signalled - Duration::from_millis(100);
        let lost: Vec<_> = stopped.unanswered.iter().filter(|t| **t < cut).collect();
        assert!(
            lost.is_empty(),
            "{} requests under way got no answer",
            lost.len()
        );
        all_there(&test.db, &stopped.acknowledged).await;
        println!(
            "{:?}: SIGTERM after {} sign-ups; {} sent in its last 100 ms went unanswered; exited in {} ms",
            test.db.kind(),
            stopped.acknowledged.len(),
            stopped.unanswered.len(),
            signalled.elapsed().as_millis()
        );
        test.finish().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn clients_hanging_up_leave_no_write_lock_behind() {
    for test in each_backend().await {
        let addr = free_addr();
        let mut server = start(&test.url, addr).await;
        // Impatient people: each gives up after 0 to 40 ms, so some leave while their sign-up
        // waits for the write lock, some while it is written, some after it is done.
        let impatient: Vec<_> = (0..CLIENTS as u64)
            .map(|client| {
                tokio::spawn(async move {
                    for n in 0..40u64 {
                        let mobile = format!("137{:08}", client * 10_000 + n);
                        let patience = Duration::from_millis((n * 7 + client * 3) % 41);
                        hang_up(addr, &mobile, patience).await;
                    }
                })
            })
            .collect();
        for client in impatient {
            client.await.unwrap();
        }
        // Their sign-ups may still be under way (each hashes a password): wait until no more
        // arrive. Then the next people are answered at once (a write lock left open would keep
        // them waiting for the busy timeout, then fail).
        settle(&test.db).await;
        for n in 0..5 {
            let mobile = format!("136{n:08}");
            let form = format!("contact={mobile}&display_name=X&password=long-enough-1");
            let started = Instant::now();
            let answer = request(addr, "POST /api/accounts/sign_up HTTP/1.1", &form)
                .await
                .unwrap();
            assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
            assert!(
                started.elapsed() < Duration::from_secs(2),
                "a sign-up after the hang-ups took {:?}",
                started.elapsed()
            );
            all_there(&test.db, &[mobile]).await;
        }
        server.kill().unwrap();
        server.wait().unwrap();
        test.finish().await;
    }
}
