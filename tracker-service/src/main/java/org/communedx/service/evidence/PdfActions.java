package org.communedx.service.evidence;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Whether a PDF carries actions that run something when it is opened or clicked: JavaScript (a browser's PDF viewer
 * runs it when a reviewer previews the file) or a launch action. Every object of the file is read, those packed in
 * compressed object streams too, and every dictionary in it looked at, so that an action hidden in a page's
 * annotation, a form field or the document's name tree is found as one in its opening action is. A file that PDFBox
 * cannot read at all is left to the type check alone: it is no more a PDF to this reader than to a viewer.
 */
final class PdfActions {

    private static final COSName LAUNCH = COSName.getPDFName("Launch");

    private PdfActions() {
    }

    static boolean runSomething(Path file) {
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBufferedFile(file))) {
            COSDocument objects = document.getDocument();
            Deque<COSBase> pending = new ArrayDeque<>();
            pending.add(objects.getTrailer());
            for (COSObjectKey key : new ArrayList<>(objects.getXrefTable().keySet())) {
                pending.add(objects.getObjectFromPool(key));
            }
            return anyAction(pending);
        }
        catch (IOException unreadable) {
            return false;
        }
    }

    private static boolean anyAction(Deque<COSBase> pending) {
        Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!pending.isEmpty()) {
            COSBase next = pending.pop();
            COSBase value = next instanceof COSObject reference ? reference.getObject() : next;
            if (value == null || !seen.add(value)) {
                continue;
            }
            if (value instanceof COSDictionary dictionary) {
                if (runs(dictionary)) {
                    return true;
                }
                // References are objects of the file, read in their turn; only what is written inline is walked here.
                dictionary.getValues().stream().filter(item -> !(item instanceof COSObject)).forEach(pending::push);
            }
            else if (value instanceof COSArray array) {
                array.forEach(item -> {
                    if (!(item instanceof COSObject)) {
                        pending.push(item);
                    }
                });
            }
        }
        return false;
    }

    private static boolean runs(COSDictionary dictionary) {
        COSBase kind = dictionary.getDictionaryObject(COSName.S);
        return dictionary.containsKey(COSName.JS) || COSName.JAVA_SCRIPT.equals(kind) || LAUNCH.equals(kind)
                // The document's name tree of scripts, run when it opens.
                || dictionary.containsKey(COSName.JAVA_SCRIPT);
    }
}
