//! The real server process under faults, on SQLite and (with TEST_POSTGRES_URL) PostgreSQL, while
//! people keep using it: each signs up (hashing the password keeps requests in flight a while),
//! takes a place at an event with limited seats (filling it, then its waitlist) and posts a
//! listing through the multipart form:
//! - killed with SIGKILL at 20 different moments: every write that was answered as done is there
//!   afterwards, no event counts more or fewer seats taken than people going, and SQLite's
//!   integrity check passes;
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
    start_logging(url, addr, Stdio::null(), "error").await
}

/// Like `start`, with its log at `level` going to `log`.
async fn start_logging(url: &str, addr: SocketAddr, log: Stdio, level: &str) -> Child {
    let mut child = Command::new(env!("CARGO_BIN_EXE_server"))
        .arg("serve")
        .env("DATABASE_URL", url)
        .env("LEPTOS_SITE_ADDR", addr.to_string())
        .env("LEPTOS_SITE_ROOT", std::env::temp_dir())
        .env("SIGN_IN_ATTEMPTS_PER_IP", "100000")
        // Sign-ups need a code: it is written into a folder, and the limits are out of the way.
        .env("SMS_DIR", sms_dir())
        .env("SECRET_KEY", "the fault tests' own key for codes")
        .env("CODES_PER_ADDRESS_HOUR", "100000")
        .env("CODES_PER_DAY", "100000")
        .env("RUST_LOG", level)
        .stdout(Stdio::null())
        .stderr(log)
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
    // Not left running after the test.
    let _ = child.kill();
    let _ = child.wait();
    panic!("the server did not answer on {addr}");
}

/// Where the servers these tests start write their text messages.
fn sms_dir() -> std::path::PathBuf {
    std::env::temp_dir().join(format!("yunyixiang-faults-sms-{}", std::process::id()))
}

/// Asks for a sign-up code for `mobile` and reads it from the message the server wrote (taking
/// the message away); `None` when the server did not answer.
async fn code_for(addr: SocketAddr, mobile: &str) -> Option<String> {
    let ask = format!("contact={mobile}&purpose=sign_up");
    let answer = request(addr, "POST /api/accounts/send_code HTTP/1.1", &ask)
        .await
        .ok()?;
    assert!(
        answer.starts_with("HTTP/1.1 200"),
        "no code was sent: {answer}"
    );
    arrived_code(addr, mobile).await
}

/// The code in the message the server writes to `mobile` in the background, moments after it
/// answered; `None` if the server went away before writing it (killed by a test).
async fn arrived_code(addr: SocketAddr, mobile: &str) -> Option<String> {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(code) = taken_code(mobile) {
            return Some(code);
        }
        if TcpStream::connect(addr).await.is_err() {
            return taken_code(mobile);
        }
        assert!(
            Instant::now() < deadline,
            "the server answered but wrote no message to {mobile}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// The code in the message the server wrote to `mobile`, taking the message away.
fn taken_code(mobile: &str) -> Option<String> {
    // Other people's messages may be half-written: those are passed over.
    for entry in std::fs::read_dir(sms_dir()).ok()?.flatten() {
        let path = entry.path();
        // A message still being written has a name starting with a dot.
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let Ok(json) = serde_json::from_str::<serde_json::Value>(&text) else {
            continue;
        };
        if json["to"] == mobile && json["template"] == "verification_code" {
            let _ = std::fs::remove_file(&path);
            return json["params"]["code"].as_str().map(String::from);
        }
    }
    None
}

/// A sign-up form for `mobile` with its code; `None` when the server did not answer.
async fn sign_up_form(addr: SocketAddr, mobile: &str) -> Option<String> {
    let code = code_for(addr, mobile).await?;
    Some(format!(
        "contact={mobile}&code={code}&display_name=%E9%82%BB%E5%B1%85&password=long-enough-1"
    ))
}

/// How a request went wrong.
#[derive(Debug, PartialEq)]
enum Failed {
    /// Nobody took the connection.
    Connecting,
    /// Taken, then no whole answer.
    Answering,
}

/// One form post (or GET) on its own connection; the whole answer (head and body).
async fn request(addr: SocketAddr, line: &str, form: &str) -> Result<String, Failed> {
    let head = "Content-Type: application/x-www-form-urlencoded\r\n";
    send(addr, line, head, form.as_bytes()).await
}

/// One request with `headers` (each ending in CRLF) and `body`, on its own connection.
async fn send(addr: SocketAddr, line: &str, headers: &str, body: &[u8]) -> Result<String, Failed> {
    let mut stream = TcpStream::connect(addr)
        .await
        .map_err(|_| Failed::Connecting)?;
    let mut text = format!(
        "{line}\r\nHost: {addr}\r\nConnection: close\r\nAccept: application/json\r\n\
         {headers}Content-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    text.extend_from_slice(body);
    stream
        .write_all(&text)
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

/// The session cookie an answer sets (`sid=…`), as a `Cookie` header line.
fn session_cookie(answer: &str) -> Option<String> {
    let head = answer.split("\r\n\r\n").next()?;
    head.lines()
        .filter_map(|line| line.split_once(':'))
        .filter(|(name, _)| name.eq_ignore_ascii_case("set-cookie"))
        .map(|(_, value)| value.trim())
        .find(|value| value.starts_with("sid="))
        .and_then(|value| value.split(';').next())
        .map(|cookie| format!("Cookie: {cookie}\r\n"))
}

/// A listing's form as the browser posts it (multipart, no photo).
fn listing_form(title: &str) -> (String, Vec<u8>) {
    listing_form_with(title, None)
}

/// A listing's form with a photo file (a PNG), if one is given.
fn listing_form_with(title: &str, photo: Option<&[u8]>) -> (String, Vec<u8>) {
    const BOUNDARY: &str = "faults-boundary";
    let fields = [
        ("item[kind]", "offer"),
        ("item[title]", title),
        ("item[category]", "books"),
        ("item[condition]", "good"),
        ("item[mode]", "give"),
        ("item[description]", "九成新"),
        ("item[lat]", "26.583411"),
        ("item[lng]", "106.713372"),
    ];
    let mut body = String::new();
    for (name, value) in fields {
        body.push_str(&format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
        ));
    }
    let mut body = body.into_bytes();
    if let Some(photo) = photo {
        body.extend_from_slice(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"photos\"; \
                 filename=\"photo.png\"\r\nContent-Type: image/png\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(photo);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    let head = format!("Content-Type: multipart/form-data; boundary={BOUNDARY}\r\n");
    (head, body)
}

/// The listing id in a posting's answer: `303` to `/items/{id}?done=posted`.
fn posted_listing(answer: &str) -> Option<i64> {
    if !answer.starts_with("HTTP/1.1 303") {
        return None;
    }
    let at = answer.find("/items/")? + "/items/".len();
    let digits: String = answer[at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// Sends a sign-up and closes the connection after `patience`, answered or not.
async fn hang_up(addr: SocketAddr, mobile: &str, patience: Duration) {
    let form = sign_up_form(addr, mobile)
        .await
        .expect("the server answers");
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

/// A write the server answered as done.
#[derive(Debug)]
enum Done {
    /// An account, by its mobile number.
    Account(String),
    /// That account's place at the event (going or on its waitlist).
    Place(String),
    /// A listing, by its id.
    Listing(i64),
}

/// What the people using the site saw.
#[derive(Default)]
struct Tally {
    acknowledged: Vec<Done>,
    /// Requests sent (connection taken) that got no whole answer, with when they started.
    unanswered: Vec<Instant>,
}

impl Tally {
    fn accounts(&self) -> usize {
        let accounts = self.acknowledged.iter();
        accounts
            .filter(|done| matches!(done, Done::Account(_)))
            .count()
    }
}

/// How one step of a person's visit went.
enum Step {
    /// Answered: the answer.
    Answered(String),
    /// Cut off (recorded), or the server is gone: this person stops here.
    Over,
}

async fn step(
    tally: &Mutex<Tally>,
    sent: impl std::future::Future<Output = Result<String, Failed>>,
) -> Step {
    let started = Instant::now();
    match sent.await {
        Ok(answer) => Step::Answered(answer),
        Err(Failed::Answering) => {
            tally.lock().unwrap().unanswered.push(started);
            Step::Over
        }
        // The server is gone (or not yet listening): wait for the end.
        Err(Failed::Connecting) => {
            tokio::time::sleep(Duration::from_millis(20)).await;
            Step::Over
        }
    }
}

/// One person: signs up, takes a place at `event`, posts a listing; each answer that says done
/// goes in the tally. Refusals are bugs here: every request is valid.
async fn visit(addr: SocketAddr, mobile: String, event: i64, tally: &Mutex<Tally>) {
    let Some(form) = sign_up_form(addr, &mobile).await else {
        return;
    };
    let sign_up = request(addr, "POST /api/accounts/sign_up HTTP/1.1", &form);
    let Step::Answered(answer) = step(tally, sign_up).await else {
        return;
    };
    assert!(
        answer.starts_with("HTTP/1.1 200"),
        "a sign-up was refused: {answer}"
    );
    tally
        .lock()
        .unwrap()
        .acknowledged
        .push(Done::Account(mobile.clone()));
    let cookie = session_cookie(&answer).expect("a session after signing up");
    let form = format!("{cookie}Content-Type: application/x-www-form-urlencoded\r\n");
    let id = format!("id={event}");
    let join = send(addr, "POST /api/events/join HTTP/1.1", &form, id.as_bytes());
    let Step::Answered(answer) = step(tally, join).await else {
        return;
    };
    assert!(
        answer.starts_with("HTTP/1.1 200"),
        "joining was refused: {answer}"
    );
    tally
        .lock()
        .unwrap()
        .acknowledged
        .push(Done::Place(mobile.clone()));
    let (head, body) = listing_form(&format!("旧书 {mobile}"));
    let head = format!("{cookie}{head}");
    let post = send(addr, "POST /items/new HTTP/1.1", &head, &body);
    let Step::Answered(answer) = step(tally, post).await else {
        return;
    };
    let id = posted_listing(&answer).unwrap_or_else(|| panic!("a listing was refused: {answer}"));
    tally.lock().unwrap().acknowledged.push(Done::Listing(id));
}

/// `CLIENTS` people using the site one after another until `stop` is set; mobile numbers start
/// at `first`.
fn residents(addr: SocketAddr, first: u64, event: i64, tally: Arc<Mutex<Tally>>) -> Residents {
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let handles = (0..CLIENTS as u64)
        .map(|client| {
            let (tally, stop) = (tally.clone(), stop.clone());
            tokio::spawn(async move {
                let mut n = 0;
                while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                    let mobile = format!("139{:08}", first + client * 10_000 + n);
                    n += 1;
                    visit(addr, mobile, event, &tally).await;
                }
            })
        })
        .collect();
    Residents { stop, handles }
}

struct Residents {
    stop: Arc<std::sync::atomic::AtomicBool>,
    handles: Vec<tokio::task::JoinHandle<()>>,
}

impl Residents {
    async fn finish(self) {
        self.stop.store(true, std::sync::atomic::Ordering::Relaxed);
        for handle in self.handles {
            handle.await.unwrap();
        }
    }
}

/// An upcoming published event with a limited number of seats, open for sign-ups: the people
/// here fill it, then queue on its waitlist.
async fn event_with_seats(db: &app::db::Db) -> i64 {
    sqlx::query_scalar(
        "SELECT id FROM events WHERE status = 'published' AND capacity IS NOT NULL \
         AND starts_at > $1 AND (signup_deadline IS NULL OR signup_deadline > $1) \
         ORDER BY capacity, id LIMIT 1",
    )
    .bind(app::db::now_unix() + 3600)
    .fetch_one(db.pool())
    .await
    .expect("the demo data has an upcoming event with seats")
}

/// Every acknowledged write is in the database, which is sound: no event holds more people than
/// it counts, nor more than its seats.
async fn all_there(db: &app::db::Db, url: &str, acknowledged: &[Done], event: i64) {
    for done in acknowledged {
        let found: Option<i64> = match done {
            Done::Account(mobile) => sqlx::query_scalar("SELECT id FROM users WHERE contact = $1")
                .bind(mobile)
                .fetch_optional(db.pool())
                .await
                .unwrap(),
            Done::Place(mobile) => sqlx::query_scalar(
                "SELECT p.id FROM event_participants p JOIN users u ON u.id = p.user_id \
                 WHERE u.contact = $1 AND p.event_id = $2 AND p.status IN ('going', 'waitlisted')",
            )
            .bind(mobile)
            .bind(event)
            .fetch_optional(db.pool())
            .await
            .unwrap(),
            Done::Listing(id) => sqlx::query_scalar("SELECT id FROM items WHERE id = $1")
                .bind(id)
                .fetch_optional(db.pool())
                .await
                .unwrap(),
        };
        assert!(found.is_some(), "{done:?} was acknowledged and is missing");
    }
    let miscounted: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM events e WHERE e.seats_taken <> (SELECT COUNT(*) \
         FROM event_participants p WHERE p.event_id = e.id AND p.status = 'going')",
    )
    .fetch_one(db.pool())
    .await
    .unwrap();
    assert_eq!(
        miscounted, 0,
        "events whose seats taken do not match who is going"
    );
    if db.kind() == app::db::DbKind::Sqlite {
        // On a connection of its own: SQLite 3.46's FTS5 check reads the index through the
        // structure a connection cached when it last wrote, without asking whether others wrote
        // since. This test's pool wrote the demo data before the servers ran, so its connections
        // report "malformed inverted index" for a sound file.
        use sqlx::Connection as _;
        let mut fresh = sqlx::SqliteConnection::connect(url).await.unwrap();
        let check: String = sqlx::query_scalar("PRAGMA integrity_check")
            .fetch_one(&mut fresh)
            .await
            .unwrap();
        assert_eq!(check, "ok");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn acknowledged_writes_survive_sigkill_and_sigterm_lets_requests_finish() {
    for test in each_backend().await {
        app::demo::seed_demo(&test.db).await.unwrap();
        let event = event_with_seats(&test.db).await;
        let tally = Arc::new(Mutex::new(Tally::default()));
        // Killed at moments spread over the first second and a half of the load.
        for run in 0..KILLS {
            let addr = free_addr();
            let mut server = start(&test.url, addr).await;
            let load = residents(addr, run as u64 * 100_000, event, tally.clone());
            let moment = 100 + (run as u64 * 373) % 1400;
            tokio::time::sleep(Duration::from_millis(moment)).await;
            server.kill().unwrap(); // SIGKILL
            server.wait().unwrap();
            load.finish().await;
        }
        let killed = std::mem::take(&mut *tally.lock().unwrap());
        let kinds = |tally: &Tally| {
            let listings = tally.acknowledged.iter();
            let listings = listings
                .filter(|done| matches!(done, Done::Listing(_)))
                .count();
            (tally.accounts(), listings)
        };
        let (accounts, listings) = kinds(&killed);
        assert!(
            accounts >= KILLS && listings > 0,
            "too few writes got through to prove anything: {accounts} sign-ups, {listings} listings",
        );
        all_there(&test.db, &test.url, &killed.acknowledged, event).await;
        println!(
            "{:?}: {KILLS} kills, {} writes acknowledged and found ({accounts} sign-ups, {listings} listings, the rest places), {} cut off unanswered",
            test.db.kind(),
            killed.acknowledged.len(),
            killed.unanswered.len()
        );

        // Stopped with SIGTERM under load.
        let addr = free_addr();
        let mut server = start(&test.url, addr).await;
        let load = residents(addr, 9_000_000, event, tally.clone());
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
        all_there(&test.db, &test.url, &stopped.acknowledged, event).await;
        println!(
            "{:?}: SIGTERM after {} writes; {} sent in its last 100 ms went unanswered; exited in {} ms",
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
            let form = sign_up_form(addr, &mobile).await.unwrap();
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
            all_there(&test.db, &test.url, &[Done::Account(mobile)], 0).await;
        }
        server.kill().unwrap();
        server.wait().unwrap();
        test.finish().await;
    }
}

/// The most memory the process `pid` has held at once (VmHWM), in MB.
fn peak_memory_mb(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let line = status
        .lines()
        .find(|line| line.starts_with("VmHWM:"))
        .expect("VmHWM in /proc/<pid>/status");
    let kb: u64 = line
        .split_whitespace()
        .nth(1)
        .and_then(|kb| kb.parse().ok())
        .unwrap();
    kb / 1024
}

/// A decompression bomb: a few hundred KB of PNG that claims 12,000 × 12,000 pixels (432 MB
/// once decoded; the server once grew to about 750 MB on it). It is refused from its header with
/// the reason, the server's peak memory stays low, and a phone's photo still goes through.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_image_bomb_is_refused_before_its_pixels_are_decoded() {
    let test = app::db::testing::TestDb::sqlite().await;
    let addr = free_addr();
    let mut server = start(&test.url, addr).await;
    let form = sign_up_form(addr, "13500000001").await.unwrap();
    let answer = request(addr, "POST /api/accounts/sign_up HTTP/1.1", &form)
        .await
        .unwrap();
    let cookie = session_cookie(&answer).expect("a session after signing up");

    let bomb = app::photos::zero_png(12_000, 12_000);
    assert!(bomb.len() < 1024 * 1024, "{} bytes", bomb.len());
    let (head, body) = listing_form_with("旧床垫", Some(&bomb));
    let answer = send(
        addr,
        "POST /items/new HTTP/1.1",
        &format!("{cookie}{head}"),
        &body,
    )
    .await
    .unwrap();
    let head_of = |answer: &str| answer.chars().take(300).collect::<String>();
    assert!(answer.starts_with("HTTP/1.1 413"), "{}", head_of(&answer));
    assert!(answer.contains("像素太多"), "the reason is shown");
    let peak = peak_memory_mb(server.id());
    assert!(peak < 200, "the server's memory peaked at {peak} MB");

    let photo = app::photos::sample_phone_jpeg(1600, 1200);
    let (head, body) = listing_form_with("旧台灯", Some(&photo));
    let answer = send(
        addr,
        "POST /items/new HTTP/1.1",
        &format!("{cookie}{head}"),
        &body,
    )
    .await
    .unwrap();
    assert!(posted_listing(&answer).is_some(), "{}", head_of(&answer));
    println!("image bomb refused; the server's peak memory was {peak} MB");
    server.kill().unwrap();
    server.wait().unwrap();
    test.finish().await;
}

/// The log, at the level a site runs with and with the app's own debug lines, never holds a code,
/// a session or a whole mobile number, while people sign up, type a wrong code and reset a
/// password.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_log_holds_no_code_no_session_and_no_whole_number() {
    let test = app::db::testing::TestDb::sqlite().await;
    std::fs::create_dir_all(&test.files).unwrap();
    let log_path = test.files.join("server.log");
    let log = std::fs::File::create(&log_path).unwrap();
    let addr = free_addr();
    let level = "info,sqlx=warn,app=debug,server=debug";
    let mut server = start_logging(&test.url, addr, log.into(), level).await;
    let mobile = "13500000021";
    let mut secrets = Vec::new();
    let code = code_for(addr, mobile).await.unwrap();
    let wrong = format!("{:06}", (code.parse::<u32>().unwrap() + 1) % 1_000_000);
    let form = |code: &str| {
        format!(
            "contact={mobile}&code={code}&display_name=%E9%82%BB%E5%B1%85&password=long-enough-1"
        )
    };
    let answer = request(addr, "POST /api/accounts/sign_up HTTP/1.1", &form(&wrong))
        .await
        .unwrap();
    assert!(answer.starts_with("HTTP/1.1 400"), "{answer}");
    let answer = request(addr, "POST /api/accounts/sign_up HTTP/1.1", &form(&code))
        .await
        .unwrap();
    let cookie = session_cookie(&answer).expect("a session after signing up");
    secrets.push(cookie.trim_start_matches("Cookie: sid=").trim().to_string());
    secrets.push(code);
    let ask = format!("contact={mobile}&purpose=reset");
    // One code a minute per number: the reset's is asked for once the minute is over.
    sqlx::query("UPDATE code_sends SET sent_at = sent_at - 61")
        .execute(test.db.pool())
        .await
        .unwrap();
    let answer = request(addr, "POST /api/accounts/send_code HTTP/1.1", &ask)
        .await
        .unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    let reset_code = arrived_code(addr, mobile).await.expect("a reset code");
    let reset = format!("contact={mobile}&code={reset_code}&new_password=another-one-2");
    let answer = request(addr, "POST /api/accounts/reset_password HTTP/1.1", &reset)
        .await
        .unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    secrets.push(reset_code);
    server.kill().unwrap();
    server.wait().unwrap();
    let text = std::fs::read_to_string(&log_path).unwrap();
    assert!(text.contains("send_code"), "requests were logged: {text}");
    for secret in secrets.iter().map(String::as_str).chain([mobile]) {
        assert!(!text.contains(secret), "{secret} is in the log:\n{text}");
    }
    test.finish().await;
}
