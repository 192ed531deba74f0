'use strict';
// The parts of the extension that do not need VS Code: the server command line, the options of a check, and
// how a counterexample is shown. Tested with node's test runner (npm test).

/** The executable and arguments of the language server from the `ballot.server.command` setting. */
function serverCommand(setting) {
  const command = Array.isArray(setting) && setting.length > 0 ? setting : ['ballot', 'lsp'];
  return { command: String(command[0]), args: command.slice(1).map(String) };
}

/** The options object the server's `ballot.checkModel` command takes, from the `ballot.check.*` settings. */
function checkOptions(get) {
  const options = {
    deadlock: get('deadlockDetection', 'stuttering'),
    symmetry: get('symmetryReduction', 'heuristic'),
    maxErrors: get('maxErrors', 1),
  };
  const timeLimit = get('timeLimit', 0);
  if (timeLimit > 0) {
    options.timeLimit = timeLimit;
  }
  return options;
}

/** A counterexample returned by `ballot.showTrace` as a Markdown document: one table row per changed variable. */
function traceMarkdown(trace) {
  if (!trace || !Array.isArray(trace.steps)) {
    return (trace && trace.message) || 'No counterexample.';
  }
  const lines = [];
  const name = trace.property && trace.property.toLowerCase() !== trace.kind ? ` "${trace.property}"` : '';
  lines.push(`# ${trace.kind}${name}`, '', trace.message || '', '');
  if (trace.line) {
    lines.push(`Violated at line ${trace.line}.`, '');
  }
  lines.push('| step | rule | variable | value |', '| ---: | --- | --- | --- |');
  trace.steps.forEach((step, i) => {
    const rule = step.parameters && step.parameters.length > 0 ? `${step.rule} (${step.parameters.join(', ')})` : step.rule;
    const changes = step.changes && step.changes.length > 0 ? step.changes : [{ name: '', value: '(no change)' }];
    changes.forEach((c, k) => {
      lines.push(`| ${k === 0 ? i + 1 : ''} | ${k === 0 ? escape(rule) : ''} | ${escape(c.name)} | ${escape(c.value)} |`);
    });
  });
  return lines.join('\n') + '\n';
}

function escape(text) {
  return String(text).replace(/\|/g, '\\|');
}

/**
 * The LSP formatting options for a request: the editor's tab settings plus the wrap width of the
 * ballot.format.width setting, under the option name the server reads (a number of columns, at least 40).
 */
function formattingOptions(options, width) {
  const result = { tabSize: options.tabSize, insertSpaces: options.insertSpaces };
  if (Number.isInteger(width) && width >= 40) {
    result['ballot.format.width'] = width;
  }
  return result;
}

module.exports = { serverCommand, checkOptions, traceMarkdown, formattingOptions };
