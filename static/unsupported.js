// Loaded as a classic script before the app, in old JavaScript only, so even a browser that
// cannot run the app can show why. window.pseaUnsupported(kind, detail) puts a message in
// French and English in the page: kind 'old' (no WebAssembly, or a module feature missing:
// static/boot.js checks), 'failed' (the app did not start; detail: the error). If boot.js
// never ran (no module scripts, or syntax this browser does not know), the message shows
// once the page has loaded.
(function () {
  var shown = false;
  var VERSIONS = {
    fr: 'Chrome ou Android WebView 96 ou plus récent, Edge 96, Firefox 79, Safari 15 (iPhone et iPad\u00a0: iOS\u00a015)',
    en: 'Chrome or Android WebView 96 or later, Edge 96, Firefox 79, Safari 15 (iPhone and iPad: iOS 15)'
  };
  var TEXTS = {
    old: {
      fr: ['Ce navigateur ne peut pas faire fonctionner l\u2019application',
        'Il lui manque WebAssembly ou une fonction récente de WebAssembly. Ouvrez l\u2019application dans un navigateur à jour\u00a0: ' + VERSIONS.fr + '.'],
      en: ['This browser cannot run the app',
        'It lacks WebAssembly or a recent WebAssembly feature. Open the app in an up-to-date browser: ' + VERSIONS.en + '.']
    },
    failed: {
      fr: ['L\u2019application n\u2019a pas pu démarrer',
        'Rechargez la page. Si le problème revient, ouvrez l\u2019application dans un navigateur à jour\u00a0: ' + VERSIONS.fr + '.'],
      en: ['The app could not start',
        'Reload the page. If this happens again, open the app in an up-to-date browser: ' + VERSIONS.en + '.']
    }
  };

  function add(parent, tag, text, lang) {
    var el = document.createElement(tag);
    el.appendChild(document.createTextNode(text));
    if (lang) el.setAttribute('lang', lang);
    parent.appendChild(el);
    return el;
  }

  function show(kind, detail) {
    if (shown) return;
    shown = true;
    var texts = TEXTS[kind] || TEXTS.old;
    function render() {
      var main = document.createElement('main');
      main.className = 'unsupported';
      var box = document.createElement('div');
      box.setAttribute('role', 'alert');
      main.appendChild(box);
      add(box, 'h1', texts.fr[0], 'fr');
      add(box, 'p', texts.fr[1], 'fr');
      add(box, 'h2', texts.en[0], 'en');
      add(box, 'p', texts.en[1], 'en');
      if (detail) add(box, 'p', 'Détail / Detail\u00a0: ' + detail).className = 'detail';
      document.body.insertBefore(main, document.body.firstChild);
    }
    if (document.body) render();
    else document.addEventListener('DOMContentLoaded', render);
  }

  window.pseaUnsupported = show;
  window.addEventListener('load', function () {
    if (!window.pseaBooting) show('old');
  });
})();
