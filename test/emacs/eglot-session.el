;;; eglot-session.el --- A session of Emacs 28 + eglot, set up as the README says
;; Loads the README's Emacs block (CL_README_EL; `competency-lint' is on PATH), opens the framework
;; CL_FILE, waits for Flymake to hold its findings, then does what a user does and writes what
;; happened as JSON to CL_OUT: completion in a new empty statement (the candidates, and the line
;; and text that choosing the first opener leaves), and a topic renamed.
(require 'json)
(require 'seq)
(load (getenv "CL_README_EL"))

(defvar cl-result nil)
(defun cl-put (key value) (setq cl-result (cons (cons key value) cl-result)))
(defun cl-pump (secs pred)
  "Run the event loop (file notifications need read-event in batch mode) until PRED or SECS."
  (let ((deadline (+ (float-time) secs)) (ok nil))
    (while (and (< (float-time) deadline) (not (setq ok (funcall pred))))
      (accept-process-output nil 0.02)
      (read-event nil nil 0.02)
      (when (and (bound-and-true-p flymake-mode) (not (flymake-running-backends))) (flymake-start)))
    ok))
(defun cl-open (file)
  (find-file file)
  ;; eglot-ensure connects from post-command-hook, which batch mode never runs.
  (run-hooks 'post-command-hook))
(defun cl-finish ()
  (with-temp-file (getenv "CL_OUT") (insert (json-encode cl-result)))
  (dolist (s (ignore-errors (eglot--all-servers))) (ignore-errors (eglot-shutdown s)))
  (kill-emacs 0))

(cl-open (getenv "CL_FILE"))
(setq cl-framework (current-buffer))
(cl-put 'diagnostics (if (cl-pump 30 (lambda () (flymake-diagnostics))) (length (flymake-diagnostics)) 0))

;; The hover on the SOC code, formatted as eglot's ElDoc function formats it.
(with-current-buffer cl-framework
  (goto-char (point-min))
  (re-search-forward "\"soc\": \"")
  (let ((hover (jsonrpc-request (eglot--current-server-or-lose) :textDocument/hover (eglot--TextDocumentPositionParams))))
    (cl-put 'hover_kind (plist-get (plist-get hover :contents) :kind))
    (cl-put 'hover (substring-no-properties (eglot--hover-info (plist-get hover :contents) (plist-get hover :range))))))

;; Completion in a new, empty statement after the last one of the first level.
(with-current-buffer cl-framework
  (goto-char (point-min))
  (re-search-forward "\"statements\": \\[")
  (re-search-forward "\"\n *\\]")
  (goto-char (1+ (match-beginning 0)))
  (insert ",\n          \"\"")
  (backward-char 1)
  (let* ((capf (eglot-completion-at-point))
         (cands (and capf (all-completions "" (nth 2 capf))))
         (opener (car cands)))
    (cl-put 'completions (vconcat (mapcar #'substring-no-properties cands)))
    (when opener
      (insert opener)
      (funcall (plist-get (nthcdr 3 capf) :exit-function) opener 'finished)
      (cl-put 'completed_line (buffer-substring-no-properties (line-beginning-position) (line-end-position)))
      (cl-put 'completed_json (condition-case nil (progn (json-read-from-string (buffer-string)) t) (error :json-false)))))
  (set-buffer-modified-p nil))

;; Rename a topic with eglot-rename, point on it: every statement that carries it (the planted copy
;; too) is renamed, and no other text changes.
(with-current-buffer cl-framework
  (goto-char (point-min))
  (cl-put 'topic_before (how-many "Circulation procedures" (point-min) (point-max)))
  (let ((size (buffer-size)))
    (search-forward "\"Circulation procedures")
    (backward-char 5)
    (eglot-rename "Lending services")
    (cl-put 'renamed (how-many "Lending services" (point-min) (point-max)))
    (cl-put 'topic_after (how-many "Circulation procedures" (point-min) (point-max)))
    (cl-put 'size_change (- (buffer-size) size)))
  (set-buffer-modified-p nil))

;; A JavaScript file beside it: not ours, and eglot's own choice for it (typescript-language-server)
;; must stay.
(let ((js (expand-file-name "app.js" (file-name-directory (getenv "CL_FILE")))))
  (with-temp-file js (insert "function f() { return 1; }\n"))
  (cl-open js)
  (cl-put 'js_mode (symbol-name major-mode))
  (cl-put 'js_server (let ((s (eglot-current-server))) (if s (mapconcat #'identity (process-command (jsonrpc--process s)) " ") nil)))
  (cl-put 'js_contact (format "%S" (nth 3 (ignore-errors (eglot--guess-contact))))))

(cl-finish)
