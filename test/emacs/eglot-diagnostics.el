;;; eglot-diagnostics.el --- Headless Emacs 28 + eglot as an LSP client of competency-lint --stdio
;; Opens the file named by CL_FILE, lets eglot start `node CL_CLI --stdio' for it, waits until
;; Flymake holds a diagnostic whose code is CL_EXPECT_CODE, writes every Flymake diagnostic of the
;; buffer (line, column, LSP code, source, message, related information) as JSON to CL_OUT, and
;; exits 0 when the expected one arrived, 1 when it did not. With CL_README_EL, eglot is set up by
;; that file (the README's block, with `competency-lint' on PATH) instead.
(require 'eglot)
(require 'json)
(require 'seq)

(let* ((file (getenv "CL_FILE"))
       (out (getenv "CL_OUT"))
       (expect (getenv "CL_EXPECT_CODE"))
       (cli (getenv "CL_CLI")))
  (if (getenv "CL_README_EL")
      (load (getenv "CL_README_EL"))
    ;; Emacs 28 opens .json files in js-mode; 29 has js-json-mode and json-ts-mode.
    (add-to-list 'eglot-server-programs `((js-mode js-json-mode json-ts-mode) . ("node" ,cli "--stdio"))))
  (find-file file)
  (defvar cl-mode (symbol-name major-mode))
  (eglot-ensure)
  ;; eglot-ensure connects from post-command-hook, which batch mode never runs.
  (run-hooks 'post-command-hook)
  (let* ((deadline (+ (float-time) 30))
         (lsp (lambda (d) (alist-get 'eglot-lsp-diag (flymake-diagnostic-data d))))
         (code-of (lambda (d) (plist-get (funcall lsp d) :code)))
         (arrived nil))
    (while (and (not arrived) (< (float-time) deadline))
      (accept-process-output nil 0.05)
      (when (and (bound-and-true-p flymake-mode) (not (flymake-running-backends)))
        (flymake-start))
      (setq arrived (seq-some (lambda (d) (equal (funcall code-of d) expect)) (flymake-diagnostics))))
    (let ((rows (mapcar (lambda (d)
                          (let ((spec (funcall lsp d)))
                            `((line . ,(1- (line-number-at-pos (flymake-diagnostic-beg d))))
                              (column . ,(save-excursion (goto-char (flymake-diagnostic-beg d)) (current-column)))
                              (code . ,(plist-get spec :code))
                              (source . ,(plist-get spec :source))
                              (text . ,(flymake-diagnostic-text d))
                              (related . ,(or (plist-get spec :relatedInformation) [])))))
                        (flymake-diagnostics))))
      (with-temp-file out
        (insert (json-encode `((arrived . ,(if arrived t :json-false))
                               (mode . ,cl-mode)
                               (diagnostics . ,(vconcat rows)))))))
    (ignore-errors (eglot-shutdown (eglot-current-server)))
    (kill-emacs (if arrived 0 1))))
