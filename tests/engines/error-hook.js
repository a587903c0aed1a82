// Records every problem the page meets, from the first line it runs, in window.__engineErrors:
// console.error calls, uncaught errors, unhandled promise rejections, resources that failed to
// load and Content-Security-Policy violations. The cross-engine tests read it in browsers whose
// driver cannot report console messages (WebKit's WebDriver has no log endpoint). The test
// proxy (proxy.mjs) puts this classic script first in the page's <head>, so it runs before the
// page's own modules.
(() => {
  const errors = [];
  window.__engineErrors = errors;
  const text = (value) => {
    if (value instanceof Error) return value.stack || String(value);
    try {
      return typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
    } catch {
      return String(value);
    }
  };
  const original = console.error;
  console.error = function recordError(...args) {
    errors.push('console.error: ' + args.map(text).join(' '));
    return original.apply(this, args);
  };
  // Capture phase: an element's failed load (a module script, a stylesheet) does not bubble.
  window.addEventListener('error', (event) => {
    if (event instanceof ErrorEvent) {
      errors.push('uncaught: ' + (event.error ? text(event.error) : event.message));
    } else if (event.target && event.target !== window) {
      const el = event.target;
      errors.push('failed to load: <' + el.localName + '> ' + (el.src || el.href || ''));
    }
  }, true);
  window.addEventListener('unhandledrejection', (event) => {
    errors.push('unhandled rejection: ' + text(event.reason));
  });
  document.addEventListener('securitypolicyviolation', (event) => {
    errors.push('CSP violation: ' + event.violatedDirective + ' blocked ' + event.blockedURI);
  });
})();
