// Saves the record form as the worker types (issue 4: no lost work when a session times out).
// Progressive enhancement: without JavaScript the "Save draft" button does the same.
// A copy of what was typed is also kept in this browser's session storage until the server has it.
const form = document.querySelector('form[data-autosave]');
if (form) {
  const status = document.getElementById('autosave-status');
  const hints = document.getElementById('plain-language-hints');
  const key = 'casefile-draft:' + form.getAttribute('action');
  let timer = null;
  let saving = false;
  let dirty = false;
  let waitingSubmitter = null;
  let failures = 0;
  const maxRetries = 3;

  const say = (text) => { if (status) status.textContent = text; };

  const showHints = (list) => {
    if (!hints || !Array.isArray(list)) return;
    hints.replaceChildren();
    if (list.length === 0) {
      const li = document.createElement('li');
      li.textContent = 'No suggestions.';
      hints.append(li);
    }
    for (const hint of list) {
      const li = document.createElement('li');
      const found = document.createElement('strong');
      found.textContent = hint.found;
      li.append(found, ': ' + hint.advice);
      hints.append(li);
    }
  };

  const keepCopy = () => {
    try {
      const copy = {};
      for (const [name, value] of new FormData(form)) {
        if (name !== '__RequestVerificationToken' && typeof value === 'string') copy[name] = value;
      }
      sessionStorage.setItem(key, JSON.stringify(copy));
    } catch { /* storage full or disabled: the server copy is what counts */ }
  };

  const save = async () => {
    if (saving) { dirty = true; return; }
    saving = true;
    dirty = false;
    try {
      const url = form.getAttribute('data-autosave');
      const response = await fetch(url, { method: 'POST', body: new FormData(form), credentials: 'same-origin', redirect: 'manual' });
      if (response.type === 'opaqueredirect' || response.status === 401 || response.status === 302) {
        say('You have been signed out, so this draft was not saved. What you typed is still here: sign in again in a new tab, then press "Save draft".');
        return;
      }
      if (!response.ok) {
        retryLater();
        return;
      }
      failures = 0;
      const answer = await response.json();
      showHints(answer.hints);
      if (answer.saved) {
        const version = form.querySelector('input[name="Input.Version"]');
        if (version) version.value = answer.version;
        if (answer.editUrl && form.getAttribute('action') !== answer.editUrl) {
          // The first save made the draft: from now on this form edits it.
          form.setAttribute('action', answer.editUrl);
          form.setAttribute('data-autosave', answer.editUrl + '?handler=Autosave');
          for (const button of form.querySelectorAll('button[formaction]')) button.setAttribute('formaction', answer.editUrl + '?handler=Finalise');
          history.replaceState(null, '', answer.editUrl);
        }
        sessionStorage.removeItem(key);
        say('Draft saved at ' + answer.savedAt + '. Due by ' + answer.recordBy + '.');
      } else {
        say('Draft not saved yet: ' + answer.message);
      }
    } catch {
      retryLater('the connection was lost');
    } finally {
      saving = false;
      if (waitingSubmitter) {
        // The worker pressed a button while a save was on its way: send the form now, with the new version.
        const submitter = waitingSubmitter;
        waitingSubmitter = null;
        form.requestSubmit(submitter);
      } else if (dirty) {
        schedule();
      }
    }
  };

  // A busy server or a dropped connection: try again a few times, waiting longer each time,
  // before asking the worker to press the button.
  const retryLater = (why) => {
    failures += 1;
    const reason = why ? ': ' + why : ' just now';
    if (failures > maxRetries) {
      say('Draft not saved' + reason + '. What you typed is still here; press "Save draft" to try again.');
      return;
    }
    say('Draft not saved' + reason + '. Trying again in a few seconds. What you typed is still here.');
    keepCopy();
    clearTimeout(timer);
    timer = setTimeout(save, 2500 * 2 ** failures);
  };

  const schedule = () => {
    keepCopy();
    clearTimeout(timer);
    timer = setTimeout(save, 2500);
  };

  form.addEventListener('input', schedule);
  form.addEventListener('change', schedule);
  form.addEventListener('submit', (event) => {
    clearTimeout(timer);
    if (saving) {
      event.preventDefault();
      waitingSubmitter = event.submitter ?? form.querySelector('button[type="submit"]');
    }
  });
}
