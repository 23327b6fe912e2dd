/// The small assets of 适老化 and 无障碍 that are not the stylesheet: the read-aloud script and
/// the large pointer of elderly mode.
enum AccessibilityAssets {
    /// 朗读本页: reads the page's main text (or the words the reader has selected) with the
    /// browser's own speech synthesis. Progressive enhancement: the button stays hidden unless
    /// the browser can speak, and every page works without it.
    static let readAloudScript = """
        (function () {
          var button = document.getElementById('read-aloud');
          if (!button || !('speechSynthesis' in window) || typeof SpeechSynthesisUtterance === 'undefined') return;
          var label = button.textContent;
          var speaking = false;
          function stopped() {
            speaking = false;
            button.textContent = label;
            button.setAttribute('aria-pressed', 'false');
          }
          button.hidden = false;
          button.addEventListener('click', function () {
            if (speaking) { window.speechSynthesis.cancel(); stopped(); return; }
            var selected = window.getSelection ? String(window.getSelection()).trim() : '';
            var main = document.getElementById('main');
            var text = selected || (main ? main.innerText : document.body.innerText);
            var utterance = new SpeechSynthesisUtterance(text.slice(0, 20000));
            utterance.lang = 'zh-CN';
            utterance.rate = 0.9;
            utterance.onend = stopped;
            utterance.onerror = stopped;
            speaking = true;
            button.textContent = '停止朗读';
            button.setAttribute('aria-pressed', 'true');
            window.speechSynthesis.speak(utterance);
          });
        })();
        """

    /// A 48 px arrow, black with a white rim, for elderly mode (the 适老化 norm asks for a large pointer).
    static let largeCursor = """
        <svg xmlns="http://www.w3.org/2000/svg" width="48" height="48" viewBox="0 0 48 48">\
        <path d="M4 2 L4 40 L14 30 L21 46 L28 43 L21 27 L36 27 Z" fill="#000" stroke="#fff" stroke-width="3" stroke-linejoin="round"/>\
        </svg>
        """
}
