#!/usr/bin/python3
# check-a11y.py — every control of every page and main dialog has a role and
# a name in the AT-SPI tree (issue 10 point 18)
# Copyright 2026 The Recourse authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run inside a private D-Bus session (tests/a11y/meson.build: dbus-run-session
# -- check-a11y.py), where at-spi2-core's bus launcher starts on demand; the
# test starts its own Xvfb, on a display number Xvfb picks (-displayfd: no
# race with other tests for ":99" as xvfb-run -a has). The real $RECOURSE_BIN is launched on
# the demo case with GTK_A11Y=atspi. For each page the test activates the
# view switcher's tab through its AT-SPI action, walks that page, then
# presses (again through AT-SPI) each of the page's Add…/Edit…/Record…
# buttons, walks the dialog that opens and cancels it. A control — button,
# toggle, check box, radio, switch, editable text, combo box, spin button,
# slider, menu item, page tab, or a list item that can be activated — with
# no role or with an empty name fails, listed as "page › role › (no name)".
# GTK 4.8 names an unnamed widget after its type ("GtkDropDown"): that counts
# as no name. TAP output; skips with a reason when at-spi2-core or pyatspi
# is missing.

import os
import re
import subprocess
import sys
import tempfile
import time

SKIP_REASON = None
try:
    import gi
    gi.require_version('Atspi', '2.0')
    import pyatspi
except (ImportError, ValueError) as e:
    SKIP_REASON = 'python3-pyatspi is not installed (%s)' % e

LAUNCHERS = ['/usr/libexec/at-spi-bus-launcher', '/usr/lib/at-spi2-core/at-spi-bus-launcher']
if SKIP_REASON is None and not any(os.path.exists(p) for p in LAUNCHERS):
    SKIP_REASON = 'at-spi2-core is not installed (no at-spi-bus-launcher)'
if SKIP_REASON is None and not os.environ.get('DBUS_SESSION_BUS_ADDRESS'):
    SKIP_REASON = 'no private D-Bus session (run under dbus-run-session)'
XVFB = '/usr/bin/Xvfb'
if SKIP_REASON is None and not os.path.exists(XVFB):
    SKIP_REASON = 'Xvfb (xvfb) is not installed'
if SKIP_REASON is not None:
    print('1..0 # SKIP ' + SKIP_REASON)
    sys.exit(0)

R = pyatspi
CONTROL_ROLES = {
    R.ROLE_PUSH_BUTTON, R.ROLE_TOGGLE_BUTTON, R.ROLE_CHECK_BOX, R.ROLE_RADIO_BUTTON,
    R.ROLE_ENTRY, R.ROLE_PASSWORD_TEXT, R.ROLE_COMBO_BOX, R.ROLE_SLIDER, R.ROLE_SPIN_BUTTON,
    R.ROLE_MENU_ITEM, R.ROLE_CHECK_MENU_ITEM, R.ROLE_RADIO_MENU_ITEM, R.ROLE_PAGE_TAB,
}
if hasattr(R, 'ROLE_SWITCH'):
    CONTROL_ROLES.add(R.ROLE_SWITCH)
NO_ROLES = {R.ROLE_INVALID, R.ROLE_UNKNOWN}
# GTK 4.8's stand-in name for a widget that has none: its type name.
TYPE_NAME = re.compile(r'^(Gtk|Adw|Rec)[A-Z][A-Za-z]*$')
# The buttons that open the main dialogs; "Payment" is the ledger's split
# button (Add Payment), "Add Charge…" sits in its menu.
OPENERS = re.compile(r'^(Add|Edit|Record)\b|^Payment$')
DIALOG_ROLES = {R.ROLE_DIALOG, R.ROLE_FRAME, R.ROLE_WINDOW, R.ROLE_ALERT}
WAIT = 20.0
# The first appearance on the bus: the application's start, the case's load
# and AT-SPI's registration, which on a machine busy with other builds took
# longer than WAIT (CI, at a load of 6 on two cores).
APPEAR_WAIT = 90.0


def wait_for(what, timeout=WAIT):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        found = what()
        if found:
            return found
        time.sleep(0.1)
    return None


def n_actions(node):
    try:
        return node.queryAction().nActions
    except NotImplementedError:
        return 0


def do_action(node):
    node.queryAction().doAction(0)


def plain(name):
    """A name as a person reads it: no mnemonic underscores, and GTK 4.8's
    "label label" doubling of a button with a mnemonic counted once."""
    name = (name or '').replace('_', '').strip()
    half = len(name) // 2
    if len(name) % 2 == 1 and name[:half] == name[half + 1:] and name[half] == ' ':
        name = name[:half]
    return name


def has_no_name(node):
    name = plain(node.name)
    return name == '' or TYPE_NAME.match(name) is not None


def operable(node, state):
    return n_actions(node) > 0 or state.contains(R.STATE_FOCUSABLE)


def is_control(node, role, state):
    """GTK 4.8 shows a menu button as a button holding the button that
    works: only the operable one counts."""
    if role in (R.ROLE_PUSH_BUTTON, R.ROLE_TOGGLE_BUTTON):
        return operable(node, state)
    if role in CONTROL_ROLES:
        return True
    if role == R.ROLE_TEXT:
        return state.contains(R.STATE_EDITABLE)
    if role == R.ROLE_LIST_ITEM:
        return n_actions(node) > 0
    return False


def first_text(node, depth=0):
    """The first label's text under `node`: what a row shows."""
    try:
        for child in node:
            if child is None:
                continue
            if child.getRole() == R.ROLE_LABEL and child.name:
                return child.name
            if depth < 4:
                text = first_text(child, depth + 1)
                if text:
                    return text
    except Exception:
        pass
    return None


def hint(node, trail):
    """Where a control is, for the widget's owner: its named ancestors, its
    description (GTK 4.8 puts the tooltip there) and its type name."""
    parts = list(trail[-3:])
    try:
        if node.description:
            parts.append('description “%s”' % node.description)
        if TYPE_NAME.match(node.name or ''):
            parts.append(node.name)
        text = first_text(node)
        if text:
            parts.append('shows “%s”' % text)
    except Exception:
        pass
    return parts


def walk(node, found, trail=(), skip=()):
    """Appends (role name, name, trail of named ancestors) for each control
    of `node`'s tree without a role or a name, leaving the subtrees `skip`
    out; returns how many nodes it walked."""
    if any(node == s for s in skip):
        return 0
    try:
        role = node.getRole()
        state = node.getState()
        children = list(node)
    except Exception:
        return 0
    if not state.contains(R.STATE_VISIBLE):
        return 1
    name = plain(node.name)
    if role in NO_ROLES and operable(node, state):
        found.append(('(no role)', name or '(no name)', hint(node, trail)))
    elif is_control(node, role, state) and has_no_name(node):
        found.append((node.getRoleName(), '(no name)', hint(node, trail)))
    elif role == R.ROLE_LIST_ITEM and state.contains(R.STATE_FOCUSABLE) and has_no_name(node):
        # Not a failure (no action), but the keyboard lands there.
        found.append(('note: focusable list item', '(no name)', hint(node, trail)))
    if name and not TYPE_NAME.match(name):
        trail = trail + (name,)
    walked = 1
    for child in children:
        if child is not None:
            walked += walk(child, found, trail, skip)
    return walked


def find_all(node, keep, out=None, depth=0):
    out = [] if out is None else out
    try:
        if keep(node):
            out.append(node)
        for child in node:
            if child is not None and depth < 60:
                find_all(child, keep, out, depth + 1)
    except Exception:
        pass
    return out


def find_first(node, keep):
    try:
        if keep(node):
            return node
        for child in node:
            if child is not None:
                hit = find_first(child, keep)
                if hit is not None:
                    return hit
    except Exception:
        pass
    return None


class Tap:
    def __init__(self):
        self.n = 0
        self.failed = 0

    def result(self, ok, title, lines=()):
        self.n += 1
        if not ok:
            self.failed += 1
        print('%s %d - %s' % ('ok' if ok else 'not ok', self.n, title))
        for line in lines:
            print('# ' + line)
        sys.stdout.flush()


def report(tap, where, found, walked):
    lines = []
    counts = {}
    for role, name, parts in found:
        key = '%s › %s › %s' % (where, role, name)
        near = '; '.join(parts) if parts else 'no named ancestor'
        counts.setdefault((key, near), 0)
        counts[(key, near)] += 1
    for (key, near), count in counts.items():
        lines.append('%s%s    (%s)' % (key, ' ×%d' % count if count > 1 else '', near))
    failures = [f for f in found if not f[0].startswith('note:')]
    tap.result(not failures, '%s: %d controls without a role or a name (%d nodes)'
               % (where, len(failures), walked) if failures else '%s (%d nodes)' % (where, walked),
               lines)


def top_levels(app):
    try:
        return [w for w in app if w is not None]
    except Exception:
        return []


def close_dialog(app, dialog):
    for wanted in ('Cancel', 'Close'):
        button = find_first(dialog, lambda n: n.getRole() == R.ROLE_PUSH_BUTTON
                            and plain(n.name) == wanted and n_actions(n) > 0)
        if button is not None:
            do_action(button)
            break
    return wait_for(lambda: all(not w == dialog for w in top_levels(app)), 5) is not None


def openers(node, roles):
    return find_all(node, lambda n: n.getRole() in roles and OPENERS.match(plain(n.name))
                    and n.getState().contains(R.STATE_SENSITIVE) and n_actions(n) > 0
                    and on_screen(n))


def open_menu(app, menu_button):
    """Opens `menu_button`'s menu; its items that open dialogs."""
    do_action(menu_button)
    return wait_for(lambda: openers(app, {R.ROLE_MENU_ITEM}), 3) or []


def check_dialogs(tap, app, page_name, page, seen):
    """Opens each dialog the page's buttons and menus open, once per title."""
    for button in openers(page, {R.ROLE_PUSH_BUTTON}):
        check_dialog(tap, app, page_name, button, seen)
    menu_buttons = find_all(page, lambda n: n.getRole() == R.ROLE_PUSH_BUTTON
                            and n.name == 'GtkMenuButton' and n_actions(n) > 0
                            and on_screen(n))
    for menu_button in menu_buttons:
        labels = [plain(item.name) for item in open_menu(app, menu_button)]
        for i, label in enumerate(labels):
            # An item closes the menu: open it again for the next one.
            items = open_menu(app, menu_button) if i > 0 else openers(app, {R.ROLE_MENU_ITEM})
            item = next((it for it in items if plain(it.name) == label), None)
            if item is not None:
                check_dialog(tap, app, page_name, item, seen)


def check_dialog(tap, app, page_name, opener, seen):
    label = plain(opener.name)
    before = top_levels(app)
    do_action(opener)
    dialog = wait_for(lambda: next((w for w in top_levels(app)
                                    if all(not w == b for b in before)), None), 5)
    if dialog is None:
        return
    title = plain(dialog.name)
    if title not in seen:
        seen.add(title)
        time.sleep(0.3)
        found = []
        if is_file_chooser(dialog):
            check_file_chooser(tap, page_name, label, dialog, title)
        elif dialog.getRole() not in DIALOG_ROLES:
            found.append(('(no role: %s)' % dialog.getRoleName(), title or '(no name)',
                          ['a window, but not exposed as a dialog']))
        if not is_file_chooser(dialog):
            walked = walk(dialog, found)
            report(tap, '%s › %s (dialog “%s”)' % (page_name, label, title), found, walked)
    if not close_dialog(app, dialog):
        tap.result(False, '%s › %s: the dialog “%s” has no Cancel or Close button that closes it'
                   % (page_name, label, title))


# GTK's own file chooser (GtkFileChooserNative falls back to
# GtkFileChooserDialog without a portal) is exempt from the walk: we cannot
# name its internals. In GTK 4.8 these have no accessible name: the path
# bar's arrow buttons (GtkImage), the location toggle (GtkToggleButton), the
# search entry (GtkSearchEntry), the file list's column headers (GtkButton
# "Name", "Size", "Type", "Location", "Accessed"), the options menu button
# (GtkMenuButton) and the places sidebar's rows ("Recent", "Home"…); and the
# dialog itself is a filler, not a dialog. What is ours is checked: the
# dialog has a role and the title the opener promises ("Add Documents…"
# opens "Add Documents").
def is_file_chooser(dialog):
    return find_first(dialog, lambda n: plain(n.name) in ('GtkFileChooserWidget',
                                                          'GtkPlacesSidebar')
                      or plain(n.description) == 'Show other locations') is not None


def check_file_chooser(tap, page_name, label, dialog, title):
    problems = []
    if dialog.getRole() in NO_ROLES:
        problems.append('the file chooser has no role')
    if not title or TYPE_NAME.match(title):
        problems.append('the file chooser has no title')
    elif title != re.sub(r'…$', '', label):
        problems.append('the file chooser is titled “%s”, its opener “%s”' % (title, label))
    tap.result(not problems, '%s › %s (GTK file chooser “%s”: its own role and title; '
               'its internals are GTK\'s)' % (page_name, label, title), problems)


def start_xvfb():
    """Starts Xvfb on a free display; returns (process, ":N")."""
    read_end, write_end = os.pipe()
    xvfb = subprocess.Popen([XVFB, '-displayfd', str(write_end), '-screen', '0', '1280x800x24',
                             '-nolisten', 'tcp'], pass_fds=(write_end,),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_end)
    with os.fdopen(read_end) as f:
        number = f.readline().strip()
    if not number:
        xvfb.kill()
        xvfb.wait()
        return None, None
    return xvfb, ':' + number


def start_a11y_bus():
    """Starts at-spi2-core's bus launcher with its output (and that of the
    registry daemon it starts: "SpiRegistry daemon is running…") on
    stderr, where it cannot break the TAP stream; D-Bus activation would
    give them the test's stdout."""
    from gi.repository import Gio, GLib
    launcher = next(p for p in LAUNCHERS if os.path.exists(p))
    bus = subprocess.Popen([launcher, '--launch-immediately'], stdout=sys.stderr,
                           stdin=subprocess.DEVNULL)
    session = Gio.bus_get_sync(Gio.BusType.SESSION, None)

    def owned():
        reply = session.call_sync('org.freedesktop.DBus', '/org/freedesktop/DBus',
                                  'org.freedesktop.DBus', 'NameHasOwner',
                                  GLib.Variant('(s)', ('org.a11y.Bus',)), None,
                                  Gio.DBusCallFlags.NONE, -1, None)
        return reply.unpack()[0]

    wait_for(owned, 10)
    return bus


# check_window's answer when the app exited before its window appeared
# because it could not open the display: once (CI, 2026-12-02), the display
# Xvfb had just reported went away before the app connected ("cannot open
# display: :0"). Nothing of the app's was tested then; the check runs again
# once on a new Xvfb.
NO_DISPLAY = 'no display'


def main():
    bus = start_a11y_bus()
    try:
        for attempt in range(2):
            xvfb, display = start_xvfb()
            if xvfb is None:
                print('Bail out! Xvfb did not start')
                return 1
            os.environ['DISPLAY'] = display
            try:
                with tempfile.TemporaryDirectory(prefix='rec-a11y-') as home:
                    result = check_window(os.environ['RECOURSE_BIN'], home)
            finally:
                xvfb.terminate()
                xvfb.wait(10)
            if result != NO_DISPLAY:
                return result
            print('# the app could not open the display %s: again on a new Xvfb' % display)
        print('Bail out! the app could not open the display of two Xvfb servers')
        return 1
    finally:
        bus.terminate()
        bus.wait(10)


def check_window(binary, home):
    case = os.path.join(home, 'Demo Case.recourse')
    subprocess.run([binary, 'demo', '-o', case, '--as-of', '2026-11-23'], check=True)

    env = dict(os.environ)
    env.pop('NO_AT_BRIDGE', None)
    env.update(GTK_A11Y='atspi', GSETTINGS_BACKEND='memory', HOME=home,
               XDG_CONFIG_HOME=home, XDG_DATA_HOME=home, XDG_CACHE_HOME=home)
    proc = subprocess.Popen([binary, case], env=env)
    tap = Tap()
    try:
        desktop = pyatspi.Registry.getDesktop(0)
        app = wait_for(lambda: next((a for a in desktop if a is not None
                                     and a.get_process_id() == proc.pid), None)
                       or (proc.poll() is not None and NO_DISPLAY),
                       APPEAR_WAIT)
        if app == NO_DISPLAY:
            if proc.returncode == 1:
                return NO_DISPLAY
            print('Bail out! the app exited with status %d before its window appeared'
                  % proc.returncode)
            return 1
        if app is None:
            print('Bail out! the window never appeared on the accessibility bus')
            return 1
        tabs_of = lambda: find_all(app, lambda n: n.getRole() == R.ROLE_PAGE_TAB_LIST)
        tab_lists = wait_for(tabs_of, APPEAR_WAIT)
        if not tab_lists:
            print('Bail out! no view switcher (page tab list) in the window')
            return 1
        # The first switcher is the header bar's; the others repeat its tabs.
        tabs = [t for t in tab_lists[0] if t is not None and t.getRole() == R.ROLE_PAGE_TAB]
        # The view stack's pages, in the tabs' order (GTK 4.8 names them
        # after their types; hidden ones are still in the tree).
        # The pages after the Overview are built one per idle after the first
        # frame (rec-case-view.c), so wait until every tab has its page.
        pages_of = lambda: find_all(app, lambda n: n.getRole() == R.ROLE_FILLER
                                    and re.match(r'^Rec[A-Za-z]+Page$', n.name or '')
                                    and n.name != 'RecStartPage')
        pages = wait_for(lambda: (lambda p: p if len(p) == len(tabs) else None)(pages_of()))
        if pages is None:
            pages = pages_of()
        if len(pages) != len(tabs):
            print('Bail out! %d page tabs but %d pages (%s)'
                  % (len(tabs), len(pages), ', '.join(p.name for p in pages)))
            return 1
        dialogs_seen = set()
        for tab, page in zip(tabs, pages):
            page_name = plain(tab.name) or '(unnamed page)'
            do_action(tab)
            # A page lays itself out when first shown (RecPage's lazy load).
            wait_for(lambda: on_screen(page) or None, 5)
            time.sleep(0.5)
            found = []
            walked = walk(page, found)
            report(tap, page_name, found, walked)
            check_dialogs(tap, app, page_name, page, dialogs_seen)
        # The window's own controls outside the pages (header bar, switchers).
        found = []
        frame = next(iter(top_levels(app)), app)
        walked = walk(frame, found, skip=pages)
        report(tap, 'Window', found, walked)
    finally:
        proc.terminate()
        proc.wait(10)
    print('1..%d' % tap.n)
    return 0


def on_screen(node):
    """Whether `node` has been laid out: GTK 4.8 gives no STATE_SHOWING, and
    a widget never shown (a hidden stack child) has no size."""
    try:
        extents = node.queryComponent().getExtents(R.WINDOW_COORDS)
        return extents.width > 0 and extents.height > 0
    except NotImplementedError:
        return False


if __name__ == '__main__':
    sys.exit(main())
