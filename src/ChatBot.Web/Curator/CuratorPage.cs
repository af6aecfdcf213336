using System.Net;

namespace ChatBot.Web.Curator;

/// <summary>The sign-in form and the one script the curator page uses (an external file: the host's CSP allows no inline script).</summary>
public static class CuratorPage
{
    public static string SignIn(bool refused) => $$"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Curator sign-in</title><link rel="icon" href="/favicon.svg"><link rel="stylesheet" href="/curator/review.css"><script src="/curator/curator.js" defer></script></head>
        <body><main class="signin"><h1>Curator review</h1>
        <form id="sign-in" method="post" action="/curator/sign-in">
        <label for="key">Curator key</label>
        <input id="key" name="key" type="password" autocomplete="current-password" required>
        <button type="submit">Sign in</button>
        <p id="sign-in-error" class="error" role="alert"{{(refused ? "" : " hidden")}}>{{WebUtility.HtmlEncode(refused ? "That key was not accepted." : "")}}</p>
        </form></main></body></html>
        """;

    /// <summary>
    /// Posts the form with fetch (the host's CSP has <c>form-action 'none'</c>, so a plain form post would be blocked),
    /// then reloads the page the cookie now opens; and signs out.
    /// </summary>
    public const string Script = """
        (function () {
          'use strict';
          var form = document.getElementById('sign-in');
          var error = document.getElementById('sign-in-error');
          function say(text) { error.textContent = text; error.hidden = false; }
          if (form) {
            form.addEventListener('submit', function (event) {
              event.preventDefault();
              fetch('/curator/sign-in', { method: 'POST', body: new URLSearchParams(new FormData(form)), credentials: 'same-origin' })
                .then(function (response) {
                  if (response.ok) { location.replace('/curator/'); }
                  else if (response.status === 429) { say('Too many attempts. Wait a minute and try again.'); }
                  else { say('That key was not accepted.'); }
                })
                .catch(function () { say('The host is not reachable right now.'); });
            });
          }
          var signOut = document.getElementById('sign-out');
          if (signOut) {
            signOut.addEventListener('click', function () {
              fetch('/curator/sign-out', { method: 'POST', credentials: 'same-origin' }).then(function () { location.replace('/curator/'); });
            });
          }
        })();
        """;
}
