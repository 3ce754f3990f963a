/*
 * The editor's Synonyms page: per language, the groups of words that mean the same to the
 * bot (one group per row, members separated by commas, the first canonical), add, edit and
 * remove groups, Save & publish (the bot uses them at once), who changed them and when, and
 * the earlier versions. Everything typed goes on the page as text (input values,
 * textContent), never as HTML. `window.CarelineSynonyms(deps)` is called by editor.js.
 */
(() => {
  'use strict';
  const { $, el } = window.CarelineStaff;

  // Chinese editors type the ideographic comma and the enumeration comma.
  const membersOf = (text) => text.split(/[,，、]/).map((member) => member.trim()).filter(Boolean);
  const groupText = (group) => group.join(', ');

  window.CarelineSynonyms = ({ api, send, say, guarded, when, documents }) => {
    let lists = [];
    let current = null;

    const groupRow = (group) => {
      const li = el('li', 'synonym-group');
      const input = el('input');
      input.value = groupText(group);
      input.placeholder = 'refund, money back, reimburse';
      const remove = el('button', 'secondary remove-group', 'Remove');
      remove.type = 'button';
      remove.addEventListener('click', () => {
        li.remove();
        relabel();
      });
      li.append(input, remove);
      return li;
    };
    const relabel = () => {
      [...$('#synonym-groups').children].forEach((li, index) => {
        $('input', li).setAttribute('aria-label', `Group ${index + 1}`);
        $('.remove-group', li).setAttribute('aria-label', `Remove group ${index + 1}`);
      });
    };

    const describe = (list) => {
      if (list.revision === 0) return `No synonyms for ${list.locale} yet.`;
      const who = list.updatedByName || list.updatedBy || (list.source === 'file' ? 'the knowledge-base files' : 'unknown');
      return `Revision ${list.revision} · last changed by ${who} · ${when(list.updatedAt)} · ${list.groups.length} group${list.groups.length === 1 ? '' : 's'}`;
    };

    const show = (locale) => {
      current = lists.find((list) => list.locale === locale) || lists[0];
      $('#synonym-locale').value = current.locale;
      $('#synonym-meta').textContent = describe(current);
      $('#synonym-error').textContent = '';
      $('#synonym-groups').replaceChildren(...current.groups.map(groupRow));
      relabel();
      $('#synonym-history').hidden = true;
    };

    const load = async (locale) => {
      const body = await api('/api/editor/synonyms', { expect: documents.synonyms });
      lists = body.lists;
      const select = $('#synonym-locale');
      if (select.options.length === 0) for (const list of lists) select.append(new Option(list.locale, list.locale));
      show(locale || (current ? current.locale : body.defaultLocale));
    };

    // Groups written in the form; empty rows are left out.
    const formGroups = () => [...$('#synonym-groups').querySelectorAll('input')].map((input) => membersOf(input.value)).filter((group) => group.length > 0);

    const save = async () => {
      $('#synonym-error').textContent = '';
      const locale = current.locale;
      try {
        await send('PUT', `/api/editor/synonyms/${locale}`, { groups: formGroups(), baseRevision: current.revision });
      } catch (error) {
        $('#synonym-error').textContent = error.message;
        throw error;
      }
      await load(locale);
      say(`Saved and published the ${locale} synonyms: the bot uses them now.`);
    };

    const diffLines = (revision, previous) => {
      const before = new Set(previous.groups.map(groupText));
      const after = new Set(revision.groups.map(groupText));
      return [...[...after].filter((text) => !before.has(text)).map((text) => ['add', text]), ...[...before].filter((text) => !after.has(text)).map((text) => ['del', text])];
    };
    const showHistory = async () => {
      const { revisions } = await api(`/api/editor/synonyms/${current.locale}/revisions`, { expect: documents.synonymRevisions });
      const list = $('#synonym-history .revisions');
      list.replaceChildren();
      revisions.forEach((revision, index) => {
        const li = el('li');
        li.append(el('span', '', `rev ${revision.revision} · ${revision.editedByName || revision.editedBy || (revision.source === 'file' ? 'knowledge-base files' : 'unknown')} · ${when(revision.editedAt)} · ${revision.groups.length} groups`));
        const previous = revisions[index + 1];
        const diff = el('div', 'diff');
        // The first version is all additions: its group count says enough.
        if (previous) for (const [op, text] of diffLines(revision, previous)) diff.append(el('div', `line ${op}`, text));
        if (previous && diff.childElementCount === 0) diff.append(el('div', 'line', 'no change'));
        li.append(diff);
        list.append(li);
      });
      if (revisions.length === 0) list.append(el('li', '', 'Never saved.'));
      $('#synonym-history').hidden = false;
    };

    $('#synonym-locale').addEventListener('change', () => show($('#synonym-locale').value));
    $('#add-synonym-group').addEventListener('click', () => {
      const row = groupRow([]);
      $('#synonym-groups').append(row);
      relabel();
      $('input', row).focus();
    });
    $('#synonym-form').addEventListener('submit', (event) => {
      event.preventDefault();
      guarded(save)();
    });
    $('#synonym-history-button').addEventListener('click', guarded(showHistory));

    return { load };
  };
})();
