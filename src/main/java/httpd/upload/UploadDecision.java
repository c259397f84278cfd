package httpd.upload;

import httpd.http.Decision;

/** The decisions the upload side takes on the way to an answer, each with the rule behind it. */
enum UploadDecision implements Decision {
    PUT_SAVED("PUT {0}: {1} bytes saved as a new file → 201 with its Location", "RFC 9110 §9.3.4"),
    PUT_REPLACED("PUT {0}: {1} bytes replaced the file (--upload-overwrite) → 200", "RFC 9110 §9.3.4"),
    FORM_SAVED("form upload into {0}: {1} saved → 303, back to the listing", "RFC 9110 §15.4.4"),
    NUMBERED("{0} is taken, and uploads never overwrite → saved as {1}", ""),
    EXISTS("{0} exists, and uploads never overwrite → 409", "RFC 9110 §15.5.10"),
    NO_FOLDER("{0} is no folder under the root that is served → 409: uploads do not make folders", "RFC 9110 §15.5.10"),
    NOT_A_FILE_NAME("PUT {0} names a folder, not a file → 405", "RFC 9110 §15.5.6"),
    BAD_NAME("{0} → 400", ""),
    TOO_LARGE("Content-Length {0} is more than the upload cap of {1} bytes → 413 before a byte is read",
            "RFC 9110 §15.5.14"),
    TOO_LARGE_MIDWAY("the body passed the upload cap of {0} bytes → 413, nothing kept", "RFC 9110 §15.5.14"),
    NO_SPACE("the disk has less room than the {0} bytes declared → 507 before a byte is read", "RFC 4918 §11.5"),
    DISK_FULL("the disk filled up while saving → 507, nothing kept", "RFC 4918 §11.5"),
    NOT_MULTIPART("a form upload must be multipart/form-data with a boundary → 415", "RFC 7578 §4.1"),
    BODY_BROKEN("{0} → {1}, nothing kept", ""),
    NO_FILE("the form held no file → 303, back to the listing", "");

    private final String template;
    private final String rule;

    UploadDecision(String template, String rule) {
        this.template = template;
        this.rule = rule;
    }

    @Override
    public String template() {
        return template;
    }

    @Override
    public String rule() {
        return rule;
    }
}
