// Steward's pages: htmx sends the CSRF token with every request it makes (Spring Security checks it
// on every state change of a cookie-authenticated session).
document.addEventListener("htmx:configRequest", function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});
