"""Shared by scripts/load and scripts/crash: fresh databases, and `gongkai serve` started, waited
for and stopped. Loopback only."""
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
PASSWORD = "Demo-Pass-2026"


def call(base, method, path, body=None, token=None, raw=None, content_type=None):
    """One HTTP request to a server under test: (status, body bytes), HTTP errors included."""
    headers = {}
    data = None
    if body is not None:
        data = json.dumps(body, ensure_ascii=False).encode()
        headers["Content-Type"] = "application/json"
    if raw is not None:
        data, headers["Content-Type"] = raw, content_type
    if token:
        headers["Authorization"] = "Bearer " + token
    if method == "POST" and data is None:
        data = b""
    request = urllib.request.Request(base + path, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as r:
            payload = r.read()
            return r.status, payload
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def sign_in(base, username, password=PASSWORD):
    """An API token for the account, or exit with the server's answer."""
    status, answer = call(base, "POST", "/api/v1/auth/login", {"username": username, "password": password})
    if status != 200:
        raise SystemExit(f"cannot sign in as {username}: {status} {answer[:200]!r}")
    return json.loads(answer)["token"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def binary(build, name="gongkai"):
    path = os.path.join(ROOT, ".build", build, name)
    if not os.path.exists(path):
        raise SystemExit(f"{path} is missing: run `swift build{' -c release' if build == 'release' else ''} --product {name}`")
    return path


class Database:
    """A new, empty database: an SQLite file in a temporary directory, or a database created on
    the PostgreSQL server that `admin_url` names (and dropped afterwards)."""

    def __init__(self, kind, admin_url=None):
        self.kind = kind
        self.dir = tempfile.mkdtemp(prefix=f"gongkai-{kind}-")
        if kind == "sqlite":
            self.url = "sqlite://" + os.path.join(self.dir, "gongkai.sqlite")
            self.name = None
        else:
            if not admin_url:
                raise SystemExit("PostgreSQL needs --postgres URL (a server where this may create a database)")
            self.admin = admin_url
            self.name = f"gongkai_rig_{os.getpid()}_{int(time.time() * 1000) % 1_000_000}"
            self.psql(f"CREATE DATABASE {self.name}")
            parts = urllib.parse.urlsplit(admin_url)
            self.url = urllib.parse.urlunsplit(parts._replace(path="/" + self.name))

    def psql(self, sql):
        subprocess.run(["psql", self.admin, "-qAtc", sql], check=True, capture_output=True)

    def drop(self):
        if self.name:
            self.psql(f"DROP DATABASE IF EXISTS {self.name} WITH (FORCE)")
        shutil.rmtree(self.dir, ignore_errors=True)


class Server:
    """`gongkai serve` on a free loopback port with the demo accounts' password known, behind a
    pretend proxy (X-Forwarded-For is trusted, as behind nginx)."""

    def __init__(self, gongkai, db, extra_env=None, log_name="serve.log"):
        self.gongkai = gongkai
        self.db = db
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.env = dict(os.environ, GONGKAI_DATABASE_URL=db.url, GONGKAI_DEMO_PASSWORD=PASSWORD, GONGKAI_TRUST_PROXY="1",
                        GONGKAI_LOG_LEVEL="warning", **(extra_env or {}))
        self.log_path = os.path.join(db.dir, log_name)
        self.process = None

    def run_command(self, *args):
        return subprocess.run([self.gongkai, *args], env=self.env, cwd=self.db.dir, check=True, capture_output=True, text=True)

    def start(self, timeout=120):
        log = open(self.log_path, "a")
        self.process = subprocess.Popen([self.gongkai, "serve", "--port", str(self.port)], env=self.env, cwd=self.db.dir,
                                        stdout=log, stderr=subprocess.STDOUT)
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gongkai serve exited with {self.process.returncode}; see {self.log_path}:\n{self.tail()}")
            try:
                urllib.request.urlopen(self.base + "/healthz", timeout=2)
                return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("no answer from " + self.base)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def tail(self, n=30):
        try:
            with open(self.log_path) as f:
                return "".join(f.readlines()[-n:])
        except OSError:
            return ""
