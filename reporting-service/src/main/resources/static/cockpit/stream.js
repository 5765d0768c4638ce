/*
 * The cockpit's change stream (GET /api/v1/cockpit/stream, text/event-stream) read with fetch + ReadableStream, so
 * the bearer token is sent (EventSource cannot send headers). A small parser for the SSE wire format; reconnects
 * with a fresh token and a growing back-off; reports when it is live.
 */
(function () {
  'use strict';

  /** Parses SSE text as it arrives: feed(chunk) calls onEvent({event, data, id}) for every complete event. */
  function SseParser(onEvent) {
    var buffer = '';
    var event = null;
    var data = [];
    var id = null;

    function dispatch() {
      if (data.length) {
        onEvent({ event: event || 'message', data: data.join('\n'), id: id });
      }
      event = null;
      data = [];
    }

    function line(text) {
      if (text === '') { dispatch(); return; }
      if (text.charAt(0) === ':') return; // comment
      var colon = text.indexOf(':');
      var field = colon < 0 ? text : text.slice(0, colon);
      var value = colon < 0 ? '' : text.slice(colon + 1);
      if (value.charAt(0) === ' ') value = value.slice(1);
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
      else if (field === 'id') id = value;
    }

    this.feed = function (chunk) {
      buffer += chunk;
      var match;
      // lines end with \r\n, \n or \r
      while ((match = /\r\n|\n|\r/.exec(buffer)) !== null) {
        // a lone \r at the very end may be the first half of \r\n: wait for more
        if (match[0] === '\r' && match.index === buffer.length - 1) break;
        line(buffer.slice(0, match.index));
        buffer = buffer.slice(match.index + match[0].length);
      }
    };
  }

  /**
   * Opens the stream and keeps it open. options: url, token() → Promise<string>, onEvent(evt), onState(live:boolean).
   * Answers a handle with close().
   */
  function connect(options) {
    var stopped = false;
    var controller = null;
    var backoff = 1000;
    var watchdog = null;
    var quietLimit = 45000; // three missed heartbeats

    function armWatchdog() {
      clearTimeout(watchdog);
      watchdog = setTimeout(function () { if (controller) controller.abort(); }, quietLimit);
    }

    async function run() {
      while (!stopped) {
        controller = new AbortController();
        try {
          var token = await options.token();
          var response = await fetch(options.url, {
            headers: { Authorization: 'Bearer ' + token, Accept: 'text/event-stream' },
            cache: 'no-store',
            signal: controller.signal
          });
          if (!response.ok || !response.body) {
            throw new Error('stream answered ' + response.status);
          }
          options.onState(true);
          backoff = 1000;
          armWatchdog();
          var reader = response.body.getReader();
          var decoder = new TextDecoder('utf-8');
          var parser = new SseParser(function (evt) {
            if (evt.event === 'hello') {
              try {
                var hello = JSON.parse(evt.data);
                if (hello.heartbeatSeconds) quietLimit = hello.heartbeatSeconds * 3000;
              } catch (e) { /* keep the default */ }
            }
            options.onEvent(evt);
          });
          for (;;) {
            var part = await reader.read();
            if (part.done) break;
            armWatchdog();
            parser.feed(decoder.decode(part.value, { stream: true }));
          }
        } catch (e) {
          if (stopped) return;
        } finally {
          clearTimeout(watchdog);
        }
        options.onState(false);
        if (stopped) return;
        await new Promise(function (r) { setTimeout(r, backoff); });
        backoff = Math.min(backoff * 2, 30000);
      }
    }

    run();
    return {
      close: function () {
        stopped = true;
        if (controller) controller.abort();
      }
    };
  }

  window.CockpitStream = { connect: connect, SseParser: SseParser };
})();
