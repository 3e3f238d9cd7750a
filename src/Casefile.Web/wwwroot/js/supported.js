// Loaded as a classic script at the start of <body>, in place of GOV.UK's inline snippet,
// because the Content-Security-Policy allows no inline scripts. Browsers that understand
// type="module" get GOV.UK Frontend's JavaScript enhancements and matching styles.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
