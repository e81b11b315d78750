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

    /**
     * The file's name as the user's computer has it. A browser sends a double quote in it as {@code %22} (the HTML
     * standard's encoding of multipart names), which would otherwise be shown as such: "Báo cáo %22số%22.pdf". A
     * literal "%22" typed in a name cannot be told apart and turns into a quote too, the rarer of the two.
     */
    public static @Nullable String fileName(MultipartFile file) {
        String name = file.getOriginalFilename();
        return name == null ? null : name.replace("%22", "\"");
    }
}
