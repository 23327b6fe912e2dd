"""Browser tests: the real server in headless Chromium, driven as a person would.

Run by scripts/test after `swift build`. Starts `gongkai serve` on a fresh SQLite file (or on
the database in GONGKAI_BROWSER_DATABASE_URL), uses the CLI against the same database, and stops
the server with SIGTERM at the end. Screenshots go to $GONGKAI_ARTIFACTS (default .build/browser).
"""
import io
import json
import os
import signal
import socket
import sqlite3
import subprocess
import tempfile
import time
import unittest
import urllib.request
import zipfile

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select
from selenium.webdriver.common.keys import Keys
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.support.wait import WebDriverWait

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BINARY = os.path.join(ROOT, ".build", "debug", "gongkai")
PASSWORD = "Browser-Pass-2026"
ARTIFACTS = os.environ.get("GONGKAI_ARTIFACTS", os.path.join(ROOT, ".build", "browser"))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, extra_env=None):
        self.dir = tempfile.mkdtemp(prefix="gongkai-browser-")
        self.sqlite = os.path.join(self.dir, "gongkai.sqlite")
        self.url = os.environ.get("GONGKAI_BROWSER_DATABASE_URL") or "sqlite://" + self.sqlite
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.env = dict(os.environ, GONGKAI_DATABASE_URL=self.url, GONGKAI_DEMO_PASSWORD=PASSWORD, GONGKAI_LOG_LEVEL="info",
                        **(extra_env or {}))
        self.log = open(os.path.join(self.dir, "serve.log"), "w+")
        self.proc = subprocess.Popen([BINARY, "serve", "--port", str(self.port)], cwd=self.dir, env=self.env,
                                     stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("server did not become healthy:\n" + self.read_log())

    def cli(self, *args):
        return subprocess.run([BINARY, *args], cwd=self.dir, env=self.env, capture_output=True, text=True, timeout=120)

    def read_log(self):
        self.log.flush()
        with open(self.log.name) as f:
            return f.read()

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(timeout=30)


class Browser(unittest.TestCase):
    """A server of its own and a phone-sized Chromium, shared by the tests of a class."""
    server_env = {}

    @classmethod
    def setUpClass(cls):
        os.makedirs(ARTIFACTS, exist_ok=True)
        cls.server = Server(cls.server_env)
        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--lang=zh-CN"]:
            options.add_argument(arg)
        # A phone: most of the public reads the portal on one.
        options.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": 390, "height": 844, "pixelRatio": 2}})
        cls.driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        cls.driver.implicitly_wait(5)

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        code = cls.server.stop()
        log = cls.server.read_log()
        # Graceful shutdown on SIGTERM: exit 0 after the server has said so.
        assert code == 0, f"serve exited {code}\n{log}"
        assert "stopped" in log, log

    def setUp(self):
        self.driver.delete_all_cookies()

    def open(self, path):
        self.driver.get(self.server.base + path)

    def submit(self, button):
        """Clicks a button that loads a new page, and waits until the new page has replaced this one.

        A marker set on this page's window is gone once the next page has loaded. (Selenium's
        staleness_of can raise a plain WebDriverException mid-navigation instead of reporting
        staleness, which made this flaky.)"""
        self.driver.execute_script("window.__gongkaiOldPage = true")
        button.click()

        def replaced(driver):
            try:
                return driver.execute_script(
                    "return window.__gongkaiOldPage === undefined && document.readyState === 'complete'")
            except WebDriverException:
                return False

        WebDriverWait(self.driver, 10).until(replaced)

    def sign_in(self, username, password=PASSWORD):
        self.open("/login")
        self.driver.find_element(By.ID, "username").send_keys(username)
        self.driver.find_element(By.ID, "password").send_keys(password)
        self.submit(self.driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))


class BrowserTests(Browser):
    def test_public_home_on_a_phone(self):
        self.open("/")
        self.assertIn("政府信息公开", self.driver.title)
        items = self.driver.find_elements(By.CSS_SELECTOR, ".doc-list li a")
        self.assertGreaterEqual(len(items), 3)
        self.assertIn("政府信息公开指南", self.driver.find_element(By.ID, "guide").text)
        # No horizontal scrolling on a 390 px wide phone.
        widths = self.driver.execute_script(
            "return [document.documentElement.clientWidth, document.documentElement.scrollWidth]")
        self.assertEqual(widths[0], 390)
        self.assertLessEqual(widths[1], widths[0])
        # The first Tab lands on the skip link, which is then visible.
        self.driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
        active = self.driver.switch_to.active_element
        self.assertEqual(active.text, "跳到正文")
        items = self.driver.find_elements(By.CSS_SELECTOR, ".doc-list li a")
        self.submit(items[0])
        self.assertIn("文件信息", self.driver.find_element(By.TAG_NAME, "main").text)
        self.driver.save_screenshot(os.path.join(ARTIFACTS, "document.png"))

    def test_elderly_mode_is_remembered(self):
        self.open("/")
        size = lambda: float(self.driver.execute_script("return parseFloat(getComputedStyle(document.body).fontSize)"))
        standard = size()
        self.submit(self.driver.find_element(By.CSS_SELECTOR, ".mode-switch button"))
        self.assertIn("elderly", self.driver.find_element(By.TAG_NAME, "body").get_attribute("class"))
        self.assertGreaterEqual(size(), standard * 1.3)
        self.open("/login")  # another page, same browser: still on
        self.assertIn("elderly", self.driver.find_element(By.TAG_NAME, "body").get_attribute("class"))
        self.driver.save_screenshot(os.path.join(ARTIFACTS, "elderly-login.png"))
        self.submit(self.driver.find_element(By.CSS_SELECTOR, ".mode-switch button"))
        self.assertNotIn("elderly", self.driver.find_element(By.TAG_NAME, "body").get_attribute("class"))

    def test_elderly_mode_scales_everything_and_reads_aloud(self):
        d = self.driver
        self.open("/")
        # The read-aloud button appears where the browser can speak (Chromium can).
        button = d.find_element(By.ID, "read-aloud")
        self.assertTrue(button.is_displayed())
        self.assertEqual(button.get_attribute("aria-pressed"), "false")
        self.submit(d.find_element(By.CSS_SELECTOR, ".mode-switch button"))
        for path in ["/", "/documents/1", "/catalog/policy", "/requests/new"]:
            self.open(path)
            sizes = d.execute_script("""
                const px = e => parseFloat(getComputedStyle(e).fontSize);
                const texts = Array.from(document.querySelectorAll('body *')).filter(e =>
                    e.offsetParent !== null && Array.from(e.childNodes).some(n => n.nodeType === 3 && n.textContent.trim()));
                return {body: px(document.querySelector('main p, main li, main td') || document.body),
                        h1: px(document.querySelector('h1')), h2: document.querySelector('main h2') ? px(document.querySelector('main h2')) : null,
                        smallest: Math.min(...texts.map(px)),
                        smallestWhat: texts.sort((a, b) => px(a) - px(b))[0].tagName + '.' + texts.sort((a, b) => px(a) - px(b))[0].className,
                        lineHeight: parseFloat(getComputedStyle(document.body).lineHeight) / px(document.body),
                        cursor: getComputedStyle(document.body).cursor};""")
            # 适老化: nothing under 18 px, headings above the body text, line spacing of 1.3 or more, a large pointer.
            self.assertGreaterEqual(sizes["smallest"], 18, f"{path}: {sizes}")
            self.assertGreater(sizes["h1"], sizes["body"], f"{path}: {sizes}")
            if sizes["h2"]:
                self.assertGreater(sizes["h2"], sizes["body"], f"{path}: {sizes}")
            self.assertGreaterEqual(sizes["lineHeight"], 1.3, f"{path}: {sizes}")
            self.assertIn("cursor.svg", sizes["cursor"], path)
        d.save_screenshot(os.path.join(ARTIFACTS, "elderly-request-form.png"))
        self.submit(d.find_element(By.CSS_SELECTOR, ".mode-switch button"))

    def test_login_form_and_console(self):
        # An account made with the CLI, in a department, signs in through the form.
        made = self.server.cli("user", "create", "--username", "wangwu", "--password", "Wang-Wu-2026", "--role", "drafter",
                               "--name", "王五", "--department", "办公室")
        self.assertEqual(made.returncode, 0, made.stderr + made.stdout)
        self.sign_in("wangwu", "Wang-Wu-2026")
        main = self.driver.find_element(By.TAG_NAME, "main").text
        self.assertIn("工作台", main)
        self.assertIn("待办事项", main)
        self.assertIn("起草人", main)
        # Signed out by the button in the header.
        self.submit(self.driver.find_element(By.CSS_SELECTOR, "header .link-button"))
        self.open("/console")
        self.assertIn("/login", self.driver.current_url)

    def test_lockout_after_five_failures_and_cli_unlock(self):
        for attempt in range(5):
            self.sign_in("reviewer", "Wrong-Pass-2026")
        alert = self.driver.find_element(By.CSS_SELECTOR, "[role=alert]").text
        self.assertIn("账号已锁定 15 分钟", alert)
        self.driver.save_screenshot(os.path.join(ARTIFACTS, "locked.png"))
        self.sign_in("reviewer")
        self.assertIn("账号已锁定", self.driver.find_element(By.CSS_SELECTOR, "[role=alert]").text)
        unlocked = self.server.cli("user", "unlock", "--username", "reviewer")
        self.assertEqual(unlocked.returncode, 0, unlocked.stderr)
        self.sign_in("reviewer")
        self.assertIn("工作台", self.driver.find_element(By.TAG_NAME, "main").text)

    def sign_out(self):
        buttons = self.driver.find_elements(By.CSS_SELECTOR, "header .link-button")
        if buttons:
            self.submit(buttons[0])

    def as_user(self, username):
        self.driver.delete_all_cookies()
        self.sign_in(username)
        self.assertIn("工作台", self.driver.find_element(By.TAG_NAME, "main").text)

    def test_drafting_review_publish_search_and_withdrawal(self):
        # Drafting through the console form; the 文号 is typed with square brackets.
        self.as_user("drafter")
        self.open("/console/documents/new")
        self.driver.find_element(By.ID, "title").send_keys("关于做好婴幼儿托育服务的通知")
        self.driver.find_element(By.ID, "body").send_keys("各有关单位：\n请做好托育机构备案工作。\n联系人手机13812345678。")
        self.driver.find_element(By.ID, "documentNumber").send_keys("示卫发[2026]31号")
        self.submit(self.driver.find_element(By.XPATH, "//button[text()='保存草稿']"))
        self.assertIn("示卫发〔2026〕31号", self.driver.find_element(By.TAG_NAME, "main").text)
        doc_url = self.driver.current_url
        self.submit(self.driver.find_element(By.XPATH, "//button[text()='提交审核']"))
        self.assertIn("审核中", self.driver.find_element(By.TAG_NAME, "main").text)
        self.assertIn("手机号码", self.driver.find_element(By.TAG_NAME, "main").text)
        path = doc_url.split(str(self.server.port))[1]

        # Three levels of review; the reviewer also deals with the screening finding.
        self.as_user("reviewer")
        self.open("/console")
        self.assertIn("关于做好婴幼儿托育服务的通知", self.driver.find_element(By.ID, "agenda").find_element(By.XPATH, "..").text)
        self.open(path)
        self.submit(self.driver.find_element(By.XPATH, "//button[text()='在公开版本中删除']"))
        self.assertIn("已删除", self.driver.find_element(By.TAG_NAME, "main").text)
        self.submit(self.driver.find_element(By.XPATH, "//button[text()='审核通过']"))
        self.as_user("office")
        self.open(path)
        self.driver.find_element(By.NAME, "confidentialityCleared").click()
        self.submit(self.driver.find_element(By.XPATH, "//button[text()='审核通过']"))
        self.as_user("leader")
        self.open(path)
        self.driver.find_element(By.ID, "comment").send_keys("同意发布")
        self.submit(self.driver.find_element(By.XPATH, "//button[text()='审核通过']"))
        self.assertIn("待发布", self.driver.find_element(By.TAG_NAME, "main").text)

        # The publisher puts it online; the public sees the redacted copy and finds it by search.
        self.as_user("publisher")
        self.open(path)
        self.submit(self.driver.find_element(By.XPATH, "//button[text()='发布']"))
        self.assertIn("已发布", self.driver.find_element(By.TAG_NAME, "main").text)
        self.driver.delete_all_cookies()
        self.open("/")
        search = self.driver.find_element(By.ID, "q")
        search.send_keys("托育")
        self.submit(self.driver.find_element(By.CSS_SELECTOR, ".search-box button"))
        marks = self.driver.find_elements(By.TAG_NAME, "mark")
        self.assertTrue(marks and marks[0].text == "托育")
        self.driver.save_screenshot(os.path.join(ARTIFACTS, "search.png"))
        self.submit(self.driver.find_element(By.LINK_TEXT, "关于做好婴幼儿托育服务的通知"))
        main = self.driver.find_element(By.TAG_NAME, "main").text
        self.assertIn("示卫发〔2026〕31号", main)
        self.assertIn("138****5678", main)
        self.assertNotIn("13812345678", main)
        public_url = self.driver.current_url

        # Withdrawal takes it off the portal and out of search.
        self.as_user("publisher")
        self.open(path)
        self.driver.find_element(By.ID, "reason").send_keys("内容需更新")
        self.submit(self.driver.find_element(By.XPATH, "//button[text()='撤回']"))
        self.assertIn("已撤回", self.driver.find_element(By.TAG_NAME, "main").text)
        self.driver.delete_all_cookies()
        self.driver.get(public_url)
        self.assertIn("页面不存在", self.driver.find_element(By.TAG_NAME, "main").text)
        self.open("/search?q=%E6%89%98%E8%82%B2")
        self.assertEqual(self.driver.find_elements(By.LINK_TEXT, "关于做好婴幼儿托育服务的通知"), [])

    def api(self, method, path, token=None, body=None):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.server.base + path, data=data, method=method)
        request.add_header("Content-Type", "application/json")
        if token:
            request.add_header("Authorization", "Bearer " + token)
        with urllib.request.urlopen(request, timeout=10) as r:
            return json.loads(r.read() or b"{}")

    def token(self, username):
        return self.api("POST", "/api/v1/auth/login", body={"username": username, "password": PASSWORD})["token"]

    def review_by_api(self, doc_id):
        self.api("POST", f"/api/v1/documents/{doc_id}/submit", self.token("drafter"))
        for who, body in [("reviewer", {}), ("office", {"confidentialityCleared": True}), ("leader", {})]:
            self.api("POST", f"/api/v1/documents/{doc_id}/approve", self.token(who), body)

    def test_revision_with_a_table_and_an_attachment(self):
        # A published notice with a table (set up through the API).
        body = "报名安排如下。\n| 地点 | 时间 |\n|---|---|\n| 人民医院 | 周一 |"
        doc = self.api("POST", "/api/v1/documents", self.token("drafter"),
                       {"title": "关于开展免费体检的通知", "body": body, "category": "医疗服务", "writtenOn": "2026-11-02"})
        self.review_by_api(doc["id"])
        self.api("POST", f"/api/v1/documents/{doc['id']}/publish", self.token("publisher"))
        self.open(f"/documents/{doc['id']}")
        cells = [td.text for td in self.driver.find_elements(By.CSS_SELECTOR, ".doc-body td")]
        self.assertEqual(cells, ["人民医院", "周一"])

        # The drafter revises it in the console and attaches a photo with its camera data.
        self.as_user("drafter")
        self.open(f"/console/documents/{doc['id']}")
        self.submit(self.driver.find_element(By.XPATH, "//button[text()='发起修订']"))
        area = self.driver.find_element(By.ID, "body")
        area.clear()
        area.send_keys(body.replace("周一", "周三") + "\n请空腹。")
        self.submit(self.driver.find_element(By.XPATH, "//button[text()='保存草稿']"))
        main = self.driver.find_element(By.TAG_NAME, "main")
        self.assertIn("修订对照", main.text)
        self.assertEqual([e.text for e in main.find_elements(By.CSS_SELECTOR, ".diff ins")], ["三", "请空腹。"])
        photo = os.path.join(self.server.dir, "现场.png")
        with open(photo, "wb") as f:
            chunk = lambda kind, data: len(data).to_bytes(4, "big") + kind + data + b"\0\0\0\0"
            f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", b"\1" * 13) + chunk(b"tEXt", b"Author\0Zhang San")
                    + chunk(b"IDAT", b"\1\2") + chunk(b"IEND", b""))
        self.driver.find_element(By.ID, "attachment-file").send_keys(photo)
        self.submit(self.driver.find_element(By.XPATH, "//button[text()='上传']"))
        self.assertIn("已上传附件“现场.png”。公开版已清除：文字信息", self.driver.find_element(By.TAG_NAME, "main").text)
        revision_id = int(self.driver.current_url.rstrip("/").split("/")[-2 if "attachments" in self.driver.current_url else -1])

        # Reviewed and published through the API; the photo needs a person's check first.
        findings = self.api("POST", f"/api/v1/documents/{revision_id}/submit", self.token("drafter"))["findings"]
        self.assertEqual([f["kind"] for f in findings], ["unreadable_attachment"])
        self.api("POST", f"/api/v1/documents/{revision_id}/findings/{findings[0]['id']}", self.token("reviewer"),
                 {"resolution": "accepted", "reason": "已人工核对照片"})
        for who, body in [("reviewer", {}), ("office", {"confidentialityCleared": True}), ("leader", {}), ("leader", {})]:
            self.api("POST", f"/api/v1/documents/{revision_id}/approve", self.token(who), body)
        self.api("POST", f"/api/v1/documents/{revision_id}/publish", self.token("publisher"))

        # The public page at the same address shows the new version and the stripped photo.
        self.driver.delete_all_cookies()
        self.open(f"/documents/{doc['id']}")
        main = self.driver.find_element(By.TAG_NAME, "main").text
        self.assertIn("周三", main)
        self.assertIn("请空腹。", main)
        link = self.driver.find_element(By.LINK_TEXT, "现场.png").get_attribute("href")
        with urllib.request.urlopen(link, timeout=10) as r:
            self.assertNotIn(b"Zhang San", r.read())
        self.driver.save_screenshot(os.path.join(ARTIFACTS, "revised.png"))

    def test_citizen_applies_on_a_phone_and_tracks_the_request(self):
        self.open("/")
        self.submit(self.driver.find_element(By.LINK_TEXT, "申请政府信息公开"))
        self.assertIn("申请公开政府信息", self.driver.find_element(By.TAG_NAME, "h1").text)
        d = self.driver
        d.find_element(By.ID, "applicant.name").send_keys("王五")
        d.find_element(By.ID, "applicant.idNumber").send_keys("110105194912310021")  # a wrong check digit
        d.find_element(By.ID, "applicant.phone").send_keys("13800000000")
        d.find_element(By.ID, "description").send_keys("2025年本市托育机构备案名单")
        Select(d.find_element(By.ID, "delivery")).select_by_value("pickup")
        self.submit(d.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
        # The form comes back with the field marked and what was typed still there.
        error = d.find_element(By.ID, "applicant.idNumber-error")
        self.assertIn("身份证号码", error.text)
        self.assertEqual(d.find_element(By.ID, "applicant.idNumber").get_attribute("aria-invalid"), "true")
        self.assertEqual(d.find_element(By.ID, "description").get_attribute("value"), "2025年本市托育机构备案名单")
        widths = d.execute_script("return [document.documentElement.clientWidth, document.documentElement.scrollWidth]")
        self.assertLessEqual(widths[1], widths[0])
        field = d.find_element(By.ID, "applicant.idNumber")
        field.clear()
        field.send_keys("11010519491231002X")
        self.submit(d.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
        code = d.find_element(By.CSS_SELECTOR, ".tracking-code").text
        self.assertRegex(code, r"^\d{4}-[0-9A-Z]{8}-[0-9A-Z]$")
        self.assertIn("答复期限", d.find_element(By.TAG_NAME, "main").text)
        d.save_screenshot(os.path.join(ARTIFACTS, "request-receipt.png"))
        # Tracking, typed the lazy way: lower case without dashes.
        self.open("/requests/track")
        d.find_element(By.ID, "code").send_keys(code.lower().replace("-", ""))
        self.submit(d.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
        text = d.find_element(By.TAG_NAME, "main").text
        self.assertIn("办理中", text)
        self.assertIn(code, text)
        self.assertNotIn("王五", text)

    def test_handler_replies_with_a_letter(self):
        # A citizen's application arrives online; the handler answers it in the console.
        receipt = self.api("POST", "/api/v1/public/requests", body={
            "applicant": {"type": "natural_person", "name": "赵六", "idNumber": "110105197003030032",
                          "phone": "13700000000", "email": "zhao@example.com"},
            "description": "2025年本市托育机构备案名单", "delivery": "email"})
        code = receipt["trackingCode"]
        d = self.driver
        self.as_user("handler")
        self.open("/console/requests")
        self.assertIn("今日待办", d.find_element(By.TAG_NAME, "main").text)
        self.submit(d.find_element(By.LINK_TEXT, code))
        self.assertIn("申请 " + code, d.find_element(By.TAG_NAME, "h1").text)
        # Choose the outcome: the draft is written from its template.
        Select(d.find_element(By.ID, "letter-outcome")).select_by_value("disclosed")
        self.submit(d.find_element(By.XPATH, "//button[text()='生成草稿']"))
        self.assertIn("已生成告知书草稿", d.find_element(By.TAG_NAME, "main").text)
        body = d.find_element(By.ID, "letter-edit-body")
        text = body.get_attribute("value")
        self.assertIn("赵六：", text)
        self.assertIn("第三十六条第（二）项", text)
        # Edit it as a person would, then save.
        body.clear()
        body.send_keys(text.replace("特此告知。", "附件：托育机构备案名单（共 3 页）。\n\n特此告知。"))
        self.submit(d.find_element(By.XPATH, "//button[text()='保存修改']"))
        self.assertIn("告知书草稿已保存", d.find_element(By.TAG_NAME, "main").text)
        self.assertIn("共 3 页", d.find_element(By.ID, "letter-edit-body").get_attribute("value"))
        # Reply: the letter is numbered and kept.
        self.submit(d.find_element(By.XPATH, "//button[starts-with(text(), '答复并发出告知书')]"))
        main = d.find_element(By.TAG_NAME, "main").text
        self.assertRegex(main, r"已答复，告知书编号 .+依申请公开答复〔\d{4}〕\d+号")
        d.save_screenshot(os.path.join(ARTIFACTS, "request-replied.png"))
        pdf_url = d.find_element(By.LINK_TEXT, "下载 PDF").get_attribute("href")
        self.submit(d.find_element(By.LINK_TEXT, "查看告知书"))
        letter = d.find_element(By.TAG_NAME, "body").text
        self.assertIn("政府信息公开申请答复告知书", letter)
        self.assertIn("共 3 页", letter)
        self.assertRegex(letter, r"〔\d{4}〕\d+号")
        d.save_screenshot(os.path.join(ARTIFACTS, "request-letter.png"))
        # The PDF, printed by headless Chromium on the server, with the browser's own session.
        session = d.get_cookie("gk_session")["value"]
        request = urllib.request.Request(pdf_url)
        request.add_header("Cookie", "gk_session=" + session)
        with urllib.request.urlopen(request, timeout=90) as r:
            self.assertEqual(r.headers["Content-Type"], "application/pdf")
            self.assertTrue(r.read().startswith(b"%PDF"))
        # The applicant sees the answer on the tracking page, and nothing personal.
        self.driver.delete_all_cookies()
        self.open("/requests/track?code=" + code)
        text = d.find_element(By.TAG_NAME, "main").text
        self.assertIn("已答复", text)
        self.assertIn("予以公开", text)
        self.assertNotIn("赵六", text)

    def test_unit_reports_progress_and_the_office_accepts(self):
        d = self.driver
        ledger = "\t一、抓好重点领域公开\n\n\t序号\n\t重点工作\n\t主要内容\n\t量化指标\n\t责任科室（单位）\n\t完成时限\n\t进展落实情况\n\n" \
                 "\t1\n\t做好托育服务信息公开。\n\t公开托育机构备案名单。\n\t按季度更新\n\t办公室\n\t11月\n\t\n"
        path = os.path.join(self.server.dir, "台账.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(ledger)
        made = self.server.cli("user", "create", "--username", "bgs", "--password", "Ban-Gong-2026", "--role", "drafter",
                               "--department", "办公室", "--name", "办公室填报人")
        self.assertEqual(made.returncode, 0, made.stderr)
        # The office uploads the ledger and sets a reporting round.
        self.as_user("office")
        self.open("/console/ledgers")
        d.find_element(By.ID, "year").clear()
        d.find_element(By.ID, "year").send_keys("2026")
        d.find_element(By.ID, "file").send_keys(path)
        self.submit(d.find_element(By.XPATH, "//button[text()='导入']"))
        self.assertIn("已导入 1 项任务", d.find_element(By.TAG_NAME, "main").text)
        d.find_element(By.ID, "round-title").send_keys("11月底进展")
        d.execute_script("document.getElementById('round-dueOn').value = '2026-11-30'")
        self.submit(d.find_element(By.XPATH, "//button[text()='设置报送轮次']"))
        self.assertIn("已设置报送轮次", d.find_element(By.TAG_NAME, "main").text)
        plan_path = d.find_element(By.LINK_TEXT, "查看公开的进展页面").get_attribute("href")
        # The unit reports on its task.
        self.sign_out()
        self.driver.delete_all_cookies()
        self.sign_in("bgs", "Ban-Gong-2026")
        d.get(plan_path.replace("/plans/", "/console/ledgers/"))
        d.find_element(By.XPATH, "//summary[text()='报送进展']").click()
        task_form = d.find_element(By.XPATH, "//summary[text()='报送进展']/..")
        Select(task_form.find_element(By.CSS_SELECTOR, "select[name=state]")).select_by_value("on_track")
        percent = task_form.find_element(By.CSS_SELECTOR, "input[name=percent]")
        percent.clear()
        percent.send_keys("60")
        task_form.find_element(By.CSS_SELECTOR, "textarea[name=text]").send_keys("第三季度备案名单已公开")
        self.submit(task_form.find_element(By.XPATH, ".//button[text()='报送']"))
        self.assertIn("进展已报送", d.find_element(By.TAG_NAME, "main").text)
        # The public sees nothing of it until the office accepts.
        self.driver.delete_all_cookies()
        d.get(plan_path)
        self.assertNotIn("第三季度备案名单已公开", d.find_element(By.TAG_NAME, "main").text)
        self.as_user("office")
        d.get(plan_path.replace("/plans/", "/console/ledgers/"))
        self.assertIn("待审核的进展报送", d.find_element(By.TAG_NAME, "main").text)
        self.submit(d.find_element(By.XPATH, "//button[text()='通过']"))
        self.assertIn("已通过", d.find_element(By.TAG_NAME, "main").text)
        # The public progress page on a phone: the accepted text and an accessible progress bar.
        self.driver.delete_all_cookies()
        d.get(plan_path)
        main = d.find_element(By.TAG_NAME, "main")
        self.assertIn("第三季度备案名单已公开", main.text)
        bar = d.find_element(By.TAG_NAME, "progress")
        self.assertEqual(bar.get_attribute("value"), "60")
        self.assertTrue(bar.get_attribute("aria-label"))
        widths = d.execute_script("return [document.documentElement.clientWidth, document.documentElement.scrollWidth]")
        self.assertLessEqual(widths[1], widths[0])
        d.save_screenshot(os.path.join(ARTIFACTS, "plan-progress.png"))

    def test_annual_report_page_tables_and_downloads(self):
        d = self.driver
        # From the portal's navigation to last year's report (published by the demo data).
        self.open("/")
        self.submit(d.find_element(By.LINK_TEXT, "政务公开"))
        self.assertIn("政府信息公开年报", d.find_element(By.TAG_NAME, "main").text)
        self.submit(d.find_element(By.LINK_TEXT, "政府信息公开工作年度报告"))
        link = d.find_element(By.CSS_SELECTOR, ".report-list a")
        self.assertIn("政府信息公开工作年度报告", link.text)
        self.submit(link)
        main = d.find_element(By.TAG_NAME, "main")
        for heading in ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                        "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]:
            self.assertIn(heading, main.text)
        # Every data cell names headings that exist, so a screen reader reads row and column.
        problems = d.execute_script("""
            const out = [];
            for (const td of document.querySelectorAll('table.report-table td[headers]')) {
              for (const id of td.getAttribute('headers').split(' ')) {
                const th = document.getElementById(id);
                if (!th || th.tagName !== 'TH') out.push(td.dataset.cell + ' -> ' + id);
              }
            }
            return [out, document.querySelectorAll('table.report-table td[headers]').length];""")
        self.assertEqual(problems[0], [])
        self.assertGreaterEqual(problems[1], 8 + 25 * 7 + 15)
        first_row = d.find_element(By.ID, "t3r-received")
        self.assertEqual(first_row.get_attribute("scope"), "row")
        self.assertEqual(first_row.text, "一、本年新收政府信息公开申请数量")
        cells = first_row.find_elements(By.XPATH, "following-sibling::td")
        self.assertEqual(len(cells), 7)
        counts = [int(c.text.replace("*", "")) for c in cells]
        self.assertEqual(sum(counts[:6]), counts[6])
        # The page does not scroll sideways on a phone; the wide tables scroll inside their frame.
        widths = d.execute_script("return [document.documentElement.clientWidth, document.documentElement.scrollWidth]")
        self.assertLessEqual(widths[1], widths[0])
        d.save_screenshot(os.path.join(ARTIFACTS, "annual-report.png"))
        # Each download opens as what it says it is.
        links = {a.text: a.get_attribute("href") for a in d.find_elements(By.CSS_SELECTOR, ".report-downloads a")}
        def fetch(name):
            url = next(v for k, v in links.items() if name in k)
            with urllib.request.urlopen(url, timeout=60) as r:
                return r.headers.get("Content-Type"), r.read()
        kind, body = fetch("Word")
        with zipfile.ZipFile(io.BytesIO(body)) as z:
            xml = z.read("word/document.xml").decode("utf-8")
        self.assertIn("政府信息公开工作年度报告", xml)
        self.assertIn("一、本年新收政府信息公开申请数量", xml)
        kind, body = fetch("PDF")
        self.assertEqual(kind, "application/pdf")
        self.assertTrue(body.startswith(b"%PDF"))
        kind, body = fetch(".csv")
        text = body.decode("utf-8-sig")
        self.assertTrue(text.startswith("单元格,表,行,列,数值,来源"))
        kind, body = fetch(".json")
        data = json.loads(body)
        self.assertTrue(data["published"])
        self.assertEqual([r["label"] for r in data["requests"]["rows"]][0], "一、本年新收政府信息公开申请数量")
        self.assertTrue(all(c["ok"] for c in data["checks"]))

    def test_comment_on_a_paragraph_on_a_phone_and_moderation(self):
        d = self.driver
        self.open("/")
        self.submit(d.find_element(By.LINK_TEXT, "意见征集"))
        self.submit(d.find_element(By.LINK_TEXT, "示范市托育机构管理办法（征求意见稿）"))
        path = d.current_url
        # Published comments sit beside their paragraph; the form is folded until asked for.
        self.assertIn("建议明确临时托是否包括节假日服务", d.find_element(By.ID, "p2").text)
        self.assertNotIn("托育从业人员培训", d.find_element(By.TAG_NAME, "main").text)  # not yet moderated
        box = d.find_element(By.ID, "text-p3")
        self.assertFalse(box.is_displayed())
        d.find_element(By.XPATH, "//summary[text()='对第 3 段提意见']").click()
        self.assertTrue(box.is_displayed())
        # An empty comment comes back with the problem marked, on the same paragraph's form.
        self.submit(d.find_element(By.CSS_SELECTOR, "#p3 form button[type=submit]"))
        self.assertIn("请填写意见内容", d.find_element(By.ID, "p3").text)
        self.assertEqual(d.find_element(By.ID, "text-p3").get_attribute("aria-invalid"), "true")
        d.find_element(By.ID, "text-p3").send_keys("备案材料清单应当在网上公布。")
        d.find_element(By.ID, "name-p3").send_keys("赵女士")
        self.submit(d.find_element(By.CSS_SELECTOR, "#p3 form button[type=submit]"))
        self.assertIn("意见已收到", d.find_element(By.TAG_NAME, "main").text)
        self.assertNotIn("备案材料清单应当在网上公布", d.find_element(By.ID, "p3").text)
        widths = d.execute_script("return [document.documentElement.clientWidth, document.documentElement.scrollWidth]")
        self.assertLessEqual(widths[1], widths[0])
        d.save_screenshot(os.path.join(ARTIFACTS, "consultation-comment.png"))
        # The office passes it; then it shows beside paragraph 3.
        self.as_user("office")
        self.open("/console/consultations")
        self.submit(d.find_element(By.LINK_TEXT, "示范市托育机构管理办法（征求意见稿）"))
        row = d.find_element(By.XPATH, "//td[contains(., '备案材料清单应当在网上公布')]/..")
        row.find_element(By.CSS_SELECTOR, "input[type=checkbox]").click()
        self.submit(d.find_element(By.XPATH, "//button[text()='公开所选']"))
        self.assertIn("已公开 1 条意见", d.find_element(By.TAG_NAME, "main").text)
        self.driver.delete_all_cookies()
        d.get(path)
        self.assertIn("备案材料清单应当在网上公布", d.find_element(By.ID, "p3").text)
        self.assertIn("赵女士", d.find_element(By.ID, "p3").text)

    def test_reading_the_published_feedback_report(self):
        d = self.driver
        self.open("/consultations")
        self.submit(d.find_element(By.LINK_TEXT, "示范市家庭医生签约服务管理办法（征求意见稿）"))
        main = d.find_element(By.TAG_NAME, "main")
        self.assertIn("已结束", main.text)
        self.assertEqual(d.find_elements(By.CSS_SELECTOR, "form.comment-form"), [])  # closed: no forms
        self.submit(d.find_element(By.PARTIAL_LINK_TEXT, "意见采纳情况"))
        main = d.find_element(By.TAG_NAME, "main")
        self.assertIn("公开征求意见采纳情况的说明", main.text)
        self.assertIn("共收到意见 4 条", main.text)
        self.assertIn("签约服务费的筹资渠道由医保等部门另行规定", main.text)
        self.assertIn("索引号", main.text)
        d.save_screenshot(os.path.join(ARTIFACTS, "feedback-report.png"))

    def test_answering_a_survey_on_a_phone_and_reading_the_charts(self):
        d = self.driver
        self.open("/")
        self.submit(d.find_element(By.LINK_TEXT, "问卷调查"))
        self.submit(d.find_element(By.PARTIAL_LINK_TEXT, "政务公开满意度问卷调查"))
        q4, q5 = d.find_element(By.ID, "q4"), d.find_element(By.ID, "q5")
        # Conditional questions wait for their answer.
        self.assertFalse(q4.is_displayed())
        self.assertFalse(q5.is_displayed())

        def choose(question, label):
            d.find_element(By.XPATH, f"//fieldset[@id='{question}']//label[contains(., '{label}')]").click()

        # Sent empty: the first required question is marked, nothing is lost.
        self.submit(d.find_element(By.CSS_SELECTOR, "form.survey-form button[type=submit]"))
        self.assertIn("第 1 题为必答题", d.find_element(By.ID, "q1").text)
        self.assertIn("has-error", d.find_element(By.ID, "q1").get_attribute("class"))
        choose("q1", "60 岁及以上")
        self.assertTrue(d.find_element(By.ID, "q5").is_displayed())
        choose("q2", "政府网站")
        choose("q2", "电视、广播")
        choose("q3", "2")
        self.assertTrue(d.find_element(By.ID, "q4").is_displayed())
        choose("q3", "4")
        self.assertFalse(d.find_element(By.ID, "q4").is_displayed())
        choose("q3", "1")
        d.find_element(By.ID, "q4-text").send_keys("文件附件在手机上打不开")
        choose("q5", "还需改进")
        widths = d.execute_script("return [document.documentElement.clientWidth, document.documentElement.scrollWidth]")
        self.assertLessEqual(widths[1], widths[0])
        d.save_screenshot(os.path.join(ARTIFACTS, "survey-form.png"))
        self.submit(d.find_element(By.CSS_SELECTOR, "form.survey-form button[type=submit]"))
        self.assertIn("问卷已提交", d.find_element(By.TAG_NAME, "main").text)

        # The results: a chart per choice or scale question, with its table; the charts need no script
        # (the only one on the page is the frame's read-aloud button).
        self.open("/surveys")
        self.submit(d.find_element(By.LINK_TEXT, "查看结果"))
        main = d.find_element(By.TAG_NAME, "main")
        self.assertIn("有效答卷 61 份", main.text)
        self.assertGreaterEqual(len(d.find_elements(By.CSS_SELECTOR, "svg.chart")), 4)
        self.assertEqual([e.get_attribute("src") for e in d.find_elements(By.TAG_NAME, "script")],
                         [self.server.base + "/assets/read-aloud.js"])
        self.assertNotIn("文件附件在手机上打不开", main.text)  # free text stays with the staff
        bar = d.find_element(By.CSS_SELECTOR, "svg.chart text")
        self.assertGreater(bar.size["height"], 10)  # labels readable at phone width
        widths = d.execute_script("return [document.documentElement.clientWidth, document.documentElement.scrollWidth]")
        self.assertLessEqual(widths[1], widths[0])
        d.save_screenshot(os.path.join(ARTIFACTS, "survey-results.png"))
        # The office reads the free text and can export.
        self.as_user("office")
        self.open("/console/surveys")
        self.submit(d.find_element(By.PARTIAL_LINK_TEXT, "政务公开满意度问卷调查"))
        main = d.find_element(By.TAG_NAME, "main")
        self.assertIn("文件附件在手机上打不开", main.text)
        self.assertTrue(d.find_element(By.LINK_TEXT, "导出答卷（CSV）").is_displayed())

    def test_oversight_dashboard_on_a_phone(self):
        d = self.driver
        self.as_user("office")
        self.open("/console")
        self.submit(d.find_element(By.LINK_TEXT, "监督考核"))
        main = d.find_element(By.TAG_NAME, "main")
        self.assertIn("政务公开监测", main.text)
        # The commission, its two units and their sum, each with ten indicators.
        rows = d.find_elements(By.CSS_SELECTOR, "table.oversight-units tbody tr")
        self.assertEqual([r.find_element(By.TAG_NAME, "th").text for r in rows][-1], "合计")
        self.assertEqual(len(rows), 4)
        self.assertEqual(len(rows[0].find_elements(By.TAG_NAME, "td")), 10)
        # The demo's replied requests give the reply rate a figure.
        reply = d.find_element(By.XPATH, "//h3[starts-with(., '依申请公开按期答复率')]").text
        self.assertRegex(reply, r"[0-9]+\.[0-9]%")
        charts = d.find_elements(By.CSS_SELECTOR, "svg.line-chart")
        self.assertEqual(len(charts), 10)
        label = d.find_element(By.CSS_SELECTOR, "svg.line-chart text")
        self.assertGreater(label.size["height"], 10)
        # The wide table scrolls inside its frame; the page itself does not scroll sideways.
        widths = d.execute_script("return [document.documentElement.clientWidth, document.documentElement.scrollWidth]")
        self.assertLessEqual(widths[1], widths[0])
        d.save_screenshot(os.path.join(ARTIFACTS, "oversight.png"))
        # One unit, from the drop-down.
        Select(d.find_element(By.ID, "unit")).select_by_visible_text("示范市疾病预防控制中心")
        self.submit(d.find_element(By.CSS_SELECTOR, "form.filters button[type=submit]"))
        self.assertIn("逐月趋势：示范市疾病预防控制中心", d.find_element(By.TAG_NAME, "main").text)
        self.assertEqual(len(d.find_elements(By.CSS_SELECTOR, "table.oversight-units tbody tr")), 1)
        # A malformed month comes back marked, with what was typed.
        field = d.find_element(By.ID, "from")
        field.clear()
        field.send_keys("2026-9")
        self.submit(d.find_element(By.CSS_SELECTOR, "form.filters button[type=submit]"))
        self.assertIn("月份格式应为 YYYY-MM", d.find_element(By.TAG_NAME, "main").text)
        self.assertEqual(d.find_element(By.ID, "from").get_attribute("value"), "2026-9")
        self.assertIn("has-error", d.find_element(By.ID, "from").find_element(By.XPATH, "..").get_attribute("class"))

    def test_standard_catalog_from_a_csv_on_a_phone(self):
        d = self.driver
        self.as_user("office")
        self.open("/console/standard")
        sheet = os.path.join(ARTIFACTS, "standard-catalog.csv")
        with open(sheet, "w", encoding="utf-8") as f:
            f.write("序号,一级事项,二级事项,公开内容,公开时限,公开方式,对应栏目\n")
            # 规划计划: no other browser test publishes there, so the quarter's gap holds whatever ran before.
            f.write("1,规划计划,卫生健康规划,规划全文,每季度,主动,规划计划\n")
            f.write("2,监督执法,执法通知,通知全文,自信息形成之日起20个工作日内,主动,卫生监督执法\n")
            f.write("3,机构信息,领导信息,姓名、职务,实时更新,主动,\n")
        # A sheet without the 公开时限 column comes back with the file marked and the title kept.
        wrong = os.path.join(ARTIFACTS, "not-a-catalog.csv")
        with open(wrong, "w", encoding="utf-8") as f:
            f.write("事项,说明\n许可,结果\n")
        d.find_element(By.ID, "title").send_keys("示范市卫生健康领域政务公开标准目录")
        d.find_element(By.ID, "file").send_keys(wrong)
        self.submit(d.find_element(By.XPATH, "//button[text()='导入']"))
        self.assertEqual(d.find_element(By.ID, "file").get_attribute("aria-invalid"), "true")
        self.assertIn("公开时限", d.find_element(By.ID, "file-error").text)
        self.assertEqual(d.find_element(By.ID, "title").get_attribute("value"), "示范市卫生健康领域政务公开标准目录")
        d.find_element(By.ID, "file").send_keys(sheet)
        self.submit(d.find_element(By.XPATH, "//button[text()='导入']"))
        main = d.find_element(By.TAG_NAME, "main").text
        self.assertIn("共 3 项。还有 1 项主动公开事项未对应栏目", main)
        rows = d.find_elements(By.CSS_SELECTOR, "table.standard-items tbody tr")
        self.assertEqual(len(rows), 3)
        self.assertIn("周期内未公开", rows[0].text)
        self.assertIn("已按时公开", rows[1].text)
        self.assertIn("未对应栏目", rows[2].text)
        # The units below follow the commission's catalog.
        self.assertIn("沿用", d.find_element(By.CSS_SELECTOR, "table.standard-units").text)
        widths = d.execute_script("return [document.documentElement.clientWidth, document.documentElement.scrollWidth]")
        self.assertLessEqual(widths[1], widths[0])
        d.save_screenshot(os.path.join(ARTIFACTS, "standard-catalog.png"))
        self.submit(d.find_element(By.LINK_TEXT, "设置对应栏目"))
        d.find_element(By.ID, "item-3").send_keys("领导之窗")
        self.submit(d.find_element(By.XPATH, "//button[text()='保存']"))
        self.assertIn("“领导之窗”不是本机关的分类或专栏", d.find_element(By.TAG_NAME, "main").text)
        field = d.find_element(By.ID, "item-3")
        self.assertEqual(field.get_attribute("value"), "领导之窗")
        field.clear()
        field.send_keys("机构信息")
        self.submit(d.find_element(By.XPATH, "//button[text()='保存']"))
        self.assertIn("已保存对应栏目", d.find_element(By.TAG_NAME, "main").text)

    def test_assessment_from_scheme_to_notice(self):
        d = self.driver
        title = "2026年度政务公开考核（浏览器）"
        self.as_user("office")
        self.open("/console/assessments")
        field = d.find_element(By.ID, "title")
        field.clear()
        field.send_keys(title)
        self.submit(d.find_element(By.XPATH, "//button[text()='保存草稿']"))
        self.submit(d.find_element(By.XPATH, "//button[text()='开始考核']"))
        main = d.find_element(By.TAG_NAME, "main").text
        self.assertIn("考核已开始", main)
        self.assertEqual(len(d.find_elements(By.CSS_SELECTOR, "table.assessment-results tbody tr")), 2)
        # The CDC's office assesses itself; a missing piece of evidence comes back marked.
        self.as_user("cdc")
        self.open("/console/assessments")
        self.submit(d.find_element(By.LINK_TEXT, title))
        for code, evidence in [("1.4", "专栏截图 3 张"), ("2.2", "抽查答复书 5 份"), ("4.3", "")]:
            d.find_element(By.ID, "score-" + code).send_keys("4")
            if evidence:
                d.find_element(By.ID, "evidence-" + code).send_keys(evidence)
        self.submit(d.find_element(By.XPATH, "//button[text()='提交审核']"))
        self.assertIn("请说明“组织保障”的佐证材料", d.find_element(By.TAG_NAME, "main").text)
        self.assertEqual(d.find_element(By.ID, "score-1.4").get_attribute("value"), "4")
        self.assertEqual(d.find_element(By.ID, "evidence-4.3").get_attribute("aria-invalid"), "true")
        d.find_element(By.ID, "evidence-4.3").send_keys("分管领导任命文件")
        self.submit(d.find_element(By.XPATH, "//button[text()='提交审核']"))
        self.assertIn("已提交自评", d.find_element(By.TAG_NAME, "main").text)
        # The commission's office reviews and accepts.
        self.as_user("office")
        self.open("/console/assessments")
        self.submit(d.find_element(By.LINK_TEXT, title))
        self.submit(d.find_element(By.LINK_TEXT, "示范市疾病预防控制中心"))
        self.assertIn("专栏截图 3 张", d.find_element(By.TAG_NAME, "main").text)
        self.submit(d.find_element(By.XPATH, "//button[text()='确定审核分']"))
        main = d.find_element(By.TAG_NAME, "main").text
        self.assertIn("审核完成", main)
        self.assertIn("第 1 轮：4 分", main)
        widths = d.execute_script("return [document.documentElement.clientWidth, document.documentElement.scrollWidth]")
        self.assertLessEqual(widths[1], widths[0])
        d.save_screenshot(os.path.join(ARTIFACTS, "assessment-unit.png"))

    def test_answering_a_mailbox_message(self):
        d = self.driver
        # A citizen writes on a phone and keeps the tracking code.
        self.open("/")
        self.submit(d.find_element(By.LINK_TEXT, "领导信箱"))
        d.find_element(By.ID, "subject").send_keys("老年人如何办理家庭医生签约")
        d.find_element(By.ID, "body").send_keys("我今年七十岁，想签约家庭医生，请问去哪里办理？")
        d.find_element(By.ID, "name").send_keys("孙大爷")
        self.submit(d.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
        self.assertEqual(d.find_element(By.ID, "phone").get_attribute("aria-invalid"), "true")  # the phone was missing
        self.assertEqual(d.find_element(By.ID, "subject").get_attribute("value"), "老年人如何办理家庭医生签约")
        d.find_element(By.ID, "phone").send_keys("13700000000")
        d.find_element(By.ID, "mayPublish").click()
        self.submit(d.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
        main = d.find_element(By.TAG_NAME, "main").text
        self.assertIn("来信已受理", main)
        code = d.find_element(By.ID, "code").get_attribute("value")
        self.assertRegex(code, r"^\d{4}-[0-9A-Z]{8}-[0-9A-Z]$")
        # The office hands it to a department, writes the reply and sends it.
        self.as_user("office")
        self.open("/console/mailbox")
        self.submit(d.find_element(By.LINK_TEXT, "老年人如何办理家庭医生签约"))
        Select(d.find_element(By.ID, "unit")).select_by_visible_text("医政医管科")
        self.submit(d.find_element(By.XPATH, "//button[text()='交办']"))
        self.assertIn("已交办", d.find_element(By.TAG_NAME, "main").text)
        d.find_element(By.ID, "reply").send_keys("您可携带身份证到居住地社区卫生服务中心签约，65岁以上老年人签约后每年可享受一次免费体检。")
        self.submit(d.find_element(By.XPATH, "//button[text()='提交答复']"))
        self.submit(d.find_element(By.XPATH, "//button[text()='同意并答复来信人']"))
        self.assertIn("已答复来信人", d.find_element(By.TAG_NAME, "main").text)
        # The citizen reads the reply with the code and rates it; it is published without the name.
        self.sign_out()
        self.driver.delete_all_cookies()
        self.open("/mailbox/track?code=" + code)
        self.assertIn("65岁以上老年人签约后", d.find_element(By.TAG_NAME, "main").text)
        Select(d.find_element(By.ID, "rating")).select_by_value("satisfied")
        self.submit(d.find_element(By.XPATH, "//button[text()='提交评价']"))
        self.assertIn("感谢您的评价", d.find_element(By.TAG_NAME, "main").text)
        self.open("/mailbox")
        self.submit(d.find_element(By.LINK_TEXT, "老年人如何办理家庭医生签约"))
        text = d.find_element(By.TAG_NAME, "main").text
        self.assertIn("居住地社区卫生服务中心", text)
        self.assertNotIn("孙大爷", text)
        self.assertNotIn("13700000000", text)
        # The FAQ search finds a demo entry by a two-character word.
        self.open("/faq?q=补办")
        self.assertIn("出生医学证明遗失了怎么补办", d.find_element(By.TAG_NAME, "main").text)

    def test_zz_audit_chain_verifies_and_detects_tampering(self):
        ok = self.server.cli("audit", "verify")
        self.assertEqual(ok.returncode, 0, ok.stdout + ok.stderr)
        self.assertIn("审计链完整", ok.stdout)
        if not self.server.url.startswith("sqlite://"):
            return
        with sqlite3.connect(self.server.sqlite) as db:
            db.execute("UPDATE audit_log SET detail = 'edited' WHERE seq = 3")
        bad = self.server.cli("audit", "verify")
        self.assertEqual(bad.returncode, 2, bad.stdout + bad.stderr)
        self.assertIn("第 3 条", bad.stdout)


class SessionAndLimitTests(Browser):
    """The idle timeout and the per-address limits, as a person meets them, on a server with a
    ten-second idle limit and the standard limits. The browser is one address (127.0.0.1)."""
    server_env = {"GONGKAI_SESSION_IDLE_SECONDS": "10"}

    def main_text(self):
        return self.driver.find_element(By.TAG_NAME, "main").text

    def test_idle_session_ends_and_activity_keeps_it(self):
        # The sign-in form states this installation's limit.
        self.open("/login")
        self.assertIn("10 秒无操作将自动退出", self.driver.find_element(By.CSS_SELECTOR, "main .hint").text)
        self.sign_in("office")
        self.assertIn("工作台", self.main_text())
        # Working keeps the session: a page every 4 s for 16 s, past the 10 s limit.
        for _ in range(4):
            time.sleep(4)
            self.open("/console")
            self.assertIn("工作台", self.main_text())
        # Eleven idle seconds end it; the console sends the person to sign in again, and says why.
        time.sleep(11)
        self.open("/console/documents")
        self.assertIn("/login", self.driver.current_url)
        self.assertIn("登录已失效", self.driver.find_element(By.CSS_SELECTOR, "[role=alert]").text)
        self.driver.save_screenshot(os.path.join(ARTIFACTS, "session-ended.png"))
        # Signing in again returns to the page that was asked for.
        self.driver.find_element(By.ID, "username").send_keys("office")
        self.driver.find_element(By.ID, "password").send_keys(PASSWORD)
        self.submit(self.driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
        self.assertTrue(self.driver.current_url.endswith("/console/documents"), self.driver.current_url)

    def test_tracking_codes_cannot_be_guessed(self):
        # Twenty wrong codes in ten minutes, typed into the form; then even a well-formed one waits.
        for i in range(20):
            self.open("/requests/track")
            self.driver.find_element(By.ID, "code").send_keys(f"2026-ZZZZZZ{i:02d}-Q")
            self.submit(self.driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
            self.assertNotIn("查询码输错次数过多", self.main_text())
        self.open("/requests/track")
        self.driver.find_element(By.ID, "code").send_keys("2026-ZZZZZZ99-Q")
        self.submit(self.driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
        self.assertIn("查询码输错次数过多", self.main_text())
        self.driver.save_screenshot(os.path.join(ARTIFACTS, "tracking-limit.png"))

    def test_public_form_is_limited_and_keeps_what_was_typed(self):
        d = self.driver
        def write(n):
            self.open("/mailbox")
            d.find_element(By.ID, "subject").send_keys(f"第{n}封来信")
            d.find_element(By.ID, "body").send_keys("请问社区卫生服务中心周末是否开诊？")
            d.find_element(By.ID, "name").send_keys("周女士")
            d.find_element(By.ID, "phone").send_keys("13700000001")
            self.submit(d.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
        for n in range(1, 11):
            write(n)
            self.assertIn("来信已受理", self.main_text())
        write(11)
        self.assertIn("提交过于频繁", self.main_text())
        # The letter is not lost from the page: what was typed is still in the form.
        self.assertEqual(d.find_element(By.ID, "subject").get_attribute("value"), "第11封来信")
        d.save_screenshot(os.path.join(ARTIFACTS, "mailbox-limit.png"))

    def test_zz_sign_in_attempts_from_one_address_are_limited(self):
        # Twenty failures across many accounts (none of which locks), then even the right password waits.
        for i in range(20):
            self.sign_in(f"nobody{i}", "Wrong-Pass-2026")
            self.assertIn("用户名或密码错误", self.driver.find_element(By.CSS_SELECTOR, "[role=alert]").text)
        self.sign_in("drafter")
        self.assertIn("登录失败次数过多", self.driver.find_element(By.CSS_SELECTOR, "[role=alert]").text)
        self.assertIn("/login", self.driver.current_url)
        self.driver.save_screenshot(os.path.join(ARTIFACTS, "login-limit.png"))


if __name__ == "__main__":
    unittest.main(verbosity=2)
