INSERT INTO assets VALUES ($name, $content);
