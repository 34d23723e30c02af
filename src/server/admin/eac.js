// The admin page's script, all of it. On Mailbox Features, Disable and Enable mark what
// Save will change (Disable first asks whether you're sure, as the EAC does) and show the
// setting's new state; a choice that puts a setting back as it was is not sent. On the
// mailbox list, Edit without a selection says what to do instead of leaving the page.
"use strict";
(function () {
  var edit = document.getElementById("edit");
  var dialog = document.getElementById("confirm");
  // The warnings asked and not yet closed, oldest first, each with its answer (No until
  // Yes is chosen). A warning's close event comes after it has closed, so a quick user
  // may already have opened the next one: the answer is taken when Yes or No is chosen,
  // and the close event hands it to the oldest warning.
  var asked = [];
  if (edit && dialog) {
    edit.addEventListener("click", function (event) {
      var button = event.target.closest("button.toggle");
      if (!button || button.disabled) {
        return;
      }
      var group = button.closest(".setting");
      var value = button.getAttribute("data-value");
      if (value === "true") {
        choose(group, value);
        return;
      }
      ask(group, function (yes) {
        if (yes) {
          choose(group, value);
        } else {
          button.focus();
        }
      });
    });
    dialog.querySelector("form").addEventListener("submit", function (event) {
      if (asked.length) {
        asked[asked.length - 1].yes = event.submitter && event.submitter.value === "yes";
      }
    });
    dialog.addEventListener("close", function () {
      var warning = asked.shift();
      if (warning) {
        warning.then(warning.yes);
      }
    });
  }

  // Asks "are you sure" before a Disable; `then` gets the answer.
  function ask(group, then) {
    var label = group.getAttribute("data-label");
    document.getElementById("confirm-text").textContent =
      "Are you sure you want to disable " + label + " for " + edit.getAttribute("data-target") + "?";
    asked.push({ then: then, yes: false });
    dialog.showModal();
  }

  // Marks the setting of `group` to become `value` ("true" or "false") on Save.
  function choose(group, value) {
    var setting = group.querySelector("button.toggle").getAttribute("data-setting");
    var input = edit.querySelector('input[name="' + setting + '"]');
    var was = edit.querySelector('input[name="was.' + setting + '"]').value;
    input.value = value;
    input.disabled = value === was;
    group.querySelector(".state").textContent =
      group.getAttribute("data-label") + ": " + (value === "true" ? "Enabled" : "Disabled");
    var next = null;
    group.querySelectorAll("button.toggle").forEach(function (button) {
      button.hidden = button.getAttribute("data-value") === value;
      if (!button.hidden) {
        next = button;
      }
    });
    if (next) {
      next.focus();
    }
  }

  var list = document.getElementById("mailboxes");
  if (list) {
    list.addEventListener("submit", function (event) {
      if (list.querySelector('input[name="id"]:checked')) {
        return;
      }
      event.preventDefault();
      var status = document.getElementById("count");
      status.textContent = "Select a mailbox, then click Edit.";
      status.className = "error";
    });
  }
})();
