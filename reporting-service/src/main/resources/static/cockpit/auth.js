/*
 * Login for the cockpit through Keycloak: OpenID Connect authorization code flow with PKCE (S256), hand-written.
 * The realm's client "cockpit" is public; the code is exchanged by fetch at the token endpoint (CORS allowed by the
 * client's web origins). Tokens live in sessionStorage (this tab only) so the nightly reload keeps the session;
 * the access token is refreshed shortly before it expires.
 */
(function () {
  'use strict';

  var KEY = 'liuhua.cockpit.tokens';
  var PENDING = 'liuhua.cockpit.pkce';
  var config = null;
  var tokens = null;
  var refreshTimer = null;
  var refreshing = null;

  function base64url(bytes) {
    var s = '';
    for (var i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
    return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function randomString(n) {
    var bytes = new Uint8Array(n);
    crypto.getRandomValues(bytes);
    return base64url(bytes);
  }

  async function challengeOf(verifier) {
    var digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
    return base64url(new Uint8Array(digest));
  }

  function decodeJwt(token) {
    try {
      var part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      while (part.length % 4) part += '=';
      var json = decodeURIComponent(atob(part).split('').map(function (c) {
        return '%' + ('00' + c.charCodeAt(0).toString(16)).slice(-2);
      }).join(''));
      return JSON.parse(json);
    } catch (e) {
      return {};
    }
  }

  function endpoint(name) {
    return config.issuer + '/protocol/openid-connect/' + name;
  }

  function redirectUri() {
    return location.origin + location.pathname;
  }

  function store(answer) {
    var now = Date.now();
    tokens = {
      access: answer.access_token,
      refresh: answer.refresh_token || (tokens && tokens.refresh),
      id: answer.id_token || (tokens && tokens.id),
      expiresAt: now + (answer.expires_in || 300) * 1000,
      refreshExpiresAt: answer.refresh_expires_in ? now + answer.refresh_expires_in * 1000 : null
    };
    sessionStorage.setItem(KEY, JSON.stringify(tokens));
    scheduleRefresh();
  }

  function scheduleRefresh() {
    clearTimeout(refreshTimer);
    if (!tokens) return;
    // refresh 30 s before expiry (or at two thirds of a short lifetime)
    var left = tokens.expiresAt - Date.now();
    var wait = Math.max(5000, Math.min(left - 30000, left * 2 / 3));
    refreshTimer = setTimeout(function () { refresh().catch(function () { login(); }); }, wait);
  }

  async function tokenRequest(params) {
    var response = await fetch(endpoint('token'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(params).toString()
    });
    if (!response.ok) {
      throw new Error('token endpoint answered ' + response.status);
    }
    return response.json();
  }

  function refresh() {
    if (refreshing) return refreshing;
    if (!tokens || !tokens.refresh) return Promise.reject(new Error('no refresh token'));
    refreshing = tokenRequest({ grant_type: 'refresh_token', client_id: config.clientId, refresh_token: tokens.refresh })
      .then(store)
      .finally(function () { refreshing = null; });
    return refreshing;
  }

  async function login() {
    var verifier = randomString(48);
    var state = randomString(16);
    var nonce = randomString(16);
    sessionStorage.setItem(PENDING, JSON.stringify({ verifier: verifier, state: state, nonce: nonce }));
    var query = new URLSearchParams({
      client_id: config.clientId,
      response_type: 'code',
      scope: 'openid',
      redirect_uri: redirectUri(),
      state: state,
      nonce: nonce,
      code_challenge: await challengeOf(verifier),
      code_challenge_method: 'S256'
    });
    location.assign(endpoint('auth') + '?' + query.toString());
  }

  async function completeLogin(params) {
    var pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
    sessionStorage.removeItem(PENDING);
    history.replaceState(null, '', redirectUri());
    if (!pending || pending.state !== params.get('state')) {
      throw new Error('登录状态不匹配，请重新登录');
    }
    var answer = await tokenRequest({
      grant_type: 'authorization_code',
      client_id: config.clientId,
      code: params.get('code'),
      redirect_uri: redirectUri(),
      code_verifier: pending.verifier
    });
    if (answer.id_token && decodeJwt(answer.id_token).nonce !== pending.nonce) {
      throw new Error('登录校验失败（nonce），请重新登录');
    }
    store(answer);
  }

  function logout() {
    var idToken = tokens && tokens.id;
    sessionStorage.removeItem(KEY);
    tokens = null;
    var query = new URLSearchParams({ client_id: config.clientId, post_logout_redirect_uri: redirectUri() });
    if (idToken) query.set('id_token_hint', idToken);
    location.assign(endpoint('logout') + '?' + query.toString());
  }

  /**
   * Starts the session: completes a login coming back from Keycloak, reuses a stored session, or sends the user to
   * the login page. Resolves with true once a token is at hand.
   */
  async function start(cfg) {
    config = cfg;
    var params = new URLSearchParams(location.search);
    if (params.get('error')) {
      history.replaceState(null, '', redirectUri());
      throw new Error('登录失败：' + (params.get('error_description') || params.get('error')));
    }
    if (params.get('code') && params.get('state')) {
      await completeLogin(params);
      return true;
    }
    tokens = JSON.parse(sessionStorage.getItem(KEY) || 'null');
    if (tokens && tokens.expiresAt > Date.now() + 10000) {
      scheduleRefresh();
      return true;
    }
    if (tokens && tokens.refresh) {
      try {
        await refresh();
        return true;
      } catch (e) {
        sessionStorage.removeItem(KEY);
        tokens = null;
      }
    }
    await login();
    return false;
  }

  /** A valid access token (refreshed first when it is about to expire). */
  async function accessToken() {
    if (!tokens) throw new Error('not logged in');
    if (tokens.expiresAt - Date.now() < 15000) {
      await refresh();
    }
    return tokens.access;
  }

  function claims() {
    return tokens ? decodeJwt(tokens.access) : {};
  }

  window.CockpitAuth = {
    start: start,
    login: login,
    logout: logout,
    refresh: refresh,
    accessToken: accessToken,
    claims: claims
  };
})();
