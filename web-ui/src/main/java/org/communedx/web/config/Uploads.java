package org.communedx.web.config;

import org.jspecify.annotations.Nullable;

import org.springframework.web.multipart.MultipartFile;

/** What every upload form needs to know of its file part before it reads it. */
public final class Uploads {

    private Uploads() {
    }

    /**
     * Whether the user chose a file: a form sent with none still carries the part, empty and without a name, while a
     * chosen file of no bytes has its name. The two get different messages ("choose a file", "the file is empty").
     */
    public static boolean chosen(@Nullable MultipartFile file) {
        return file != null && file.getOriginalFilename() != null && !file.getOriginalFilename().isEmpty();
    }
}
