// Starts Web Chat against this host's own Direct Line endpoints (no CDN, no external service).
(function () {
  'use strict';

  const status = document.getElementById('status');

  function showStatus(text) {
    status.textContent = text;
    status.hidden = false;
  }

  async function fetchToken() {
    const response = await fetch('/v3/directline/tokens/generate', { method: 'POST', credentials: 'same-origin' });
    if (!response.ok) {
      throw new Error('token request answered ' + response.status);
    }
    return (await response.json()).token;
  }

  const styleOptions = {
    accent: '#0b6e99',
    primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    backgroundColor: '#ffffff',
    bubbleBackground: '#f1f5f8',
    bubbleBorderRadius: 12,
    bubbleBorderWidth: 0,
    bubbleFromUserBackground: '#0b6e99',
    bubbleFromUserTextColor: '#ffffff',
    bubbleFromUserBorderRadius: 12,
    bubbleFromUserBorderWidth: 0,
    bubbleMaxWidth: 640,
    bubbleMinHeight: 36,
    hideUploadButton: true,
    suggestedActionLayout: 'flow',
    suggestedActionBackgroundColor: '#ffffff',
    suggestedActionBorderColor: '#0b6e99',
    suggestedActionBorderRadius: 16,
    suggestedActionTextColor: '#0b6e99',
    suggestedActionHeight: 32,
    typingAnimationDuration: 4000
  };

  async function start() {
    if (!window.WebChat) {
      showStatus('The chat could not load: Web Chat (lib/webchat.js) is missing. Build the project to install it.');
      return;
    }
    let token;
    try {
      token = await fetchToken();
    } catch (error) {
      showStatus('The bot is not reachable right now. Please reload the page in a moment.');
      return;
    }
    const directLine = window.WebChat.createDirectLine({
      token,
      domain: location.origin + '/v3/directline',
      webSocket: false,
      // Polling every 300 ms (DirectLineJS's default is 1 s, its floor 200 ms): answers show about 0.3 s after the
      // question at worst, for about 3 cheap requests a second per open page (DirectLine:ReadsPerMinute allows 10).
      pollingInterval: 300
    });
    window.WebChat.renderWebChat(
      {
        directLine,
        styleOptions,
        locale: 'en-US',
        overrideLocalizedStrings: { TEXT_INPUT_PLACEHOLDER: 'Ask about Kazakhstan–Korea relations…' }
      },
      document.getElementById('webchat')
    );
  }

  start();
})();
